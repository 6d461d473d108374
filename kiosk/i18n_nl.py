NL: dict[str, str] = {}
