"""Helpers that let the HTML tests drive headless Chromium (axe-core, print, screenshots)."""
