"""The only package that touches disk."""

from kiosk.store.storage import CorruptFile, Store, StoreError

__all__ = ["CorruptFile", "Store", "StoreError"]
