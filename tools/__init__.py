"""Developer tools that are not part of the kiosk (mutation testing, catalogs)."""
