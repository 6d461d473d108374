"""Schoolpoort kiosk: the staff-room and school-gate program of a primary school."""

__version__ = "0.1.0"
