"""Messages the app views show as HTML: an error, or a notice of something not done.

Examples
--------
>>> error_html("")
''
"""

from __future__ import annotations

import html

ERROR_STYLE = "color:#b00020"
NOTICE_STYLE = "color:#9f5f1f"


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


def notice_html(text: str, title: str = "Not computed") -> str:
    """One line saying why something was not done (not an error of the user), or "".

    Examples
    --------
    >>> notice_html("too <large>")
    "<span style='color:#9f5f1f'><b>Not computed:</b> too &lt;large&gt;</span>"
    """
    if not text:
        return ""
    return f"<span style='{NOTICE_STYLE}'><b>{html.escape(title)}:</b> {html.escape(text)}</span>"
