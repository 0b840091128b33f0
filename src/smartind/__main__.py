"""``python -m smartind``: the same as the ``smartind`` command."""

from smartind.cli import main

raise SystemExit(main())
