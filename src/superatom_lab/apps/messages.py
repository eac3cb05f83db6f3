"""Messages the app views show as HTML.

Examples
--------
>>> error_html("")
''
"""

from __future__ import annotations

import html

ERROR_STYLE = "color:#b00020"


def error_html(text: str) -> str:
    """One line of error in red, or "" for no error.

    Examples
    --------
    >>> error_html("bad <input>")
    "<span style='color:#b00020'><b>Error:</b> bad &lt;input&gt;</span>"
    """
    if not text:
        return ""
    return f"<span style='{ERROR_STYLE}'><b>Error:</b> {html.escape(text)}</span>"
