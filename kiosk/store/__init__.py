"""The only package that touches disk."""

from kiosk.store.storage import Store

__all__ = ["Store"]
