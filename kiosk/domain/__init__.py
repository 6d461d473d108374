"""Pure domain rules: no Textual, no file I/O (a test enforces this)."""
