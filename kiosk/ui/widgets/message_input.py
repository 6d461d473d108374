"""A one-line field for a pasted text message that keeps every line of it.

Textual's Input keeps only the first line of a paste: "Goeiemorgen" would be read and
"Lotte is ziek" lost. Here the lines are joined with a visible return sign, which the
reader takes as the end of a sentence, as it takes a line break."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from kiosk.domain.sms.message import one_line


class MessageInput(Input):
    def _on_paste(self, event: events.Paste) -> None:
        if event.text:
            line = one_line(event.text)
            if self.selection.is_empty:
                self.insert_text_at_cursor(line)
            else:
                self.replace(line, *self.selection)
        event.stop()
        event.prevent_default()  # Input's own handler would paste the first line again
