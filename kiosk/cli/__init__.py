"""`kiosk` command line: argparse in, one service call, plain text out. No business logic."""

from kiosk.cli.main import main

__all__ = ["main"]
