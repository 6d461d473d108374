"""Speed targets, each printed as a ratio measured within one run (`python -m bench`)."""
