"""The Textual front end. Screens are thin: they call services and show results."""
