"""The page a visitor beyond the class server's cap sees: it says so and retries by itself.

Examples
--------
>>> page = full_page(retry_seconds=15, limit=20)
>>> "The class server is full" in page and 'http-equiv="refresh" content="15"' in page
True
"""

from __future__ import annotations

import html


def full_page(retry_seconds: int, limit: int) -> str:
    """A self-contained HTML page (no script, no external asset) that reloads after a delay.

    Parameters
    ----------
    retry_seconds
        Seconds before the browser asks again (also sent as ``Retry-After``).
    limit
        The number of students the server takes at once, shown to the visitor.

    Examples
    --------
    >>> "retrying in 5 s" in full_page(5, 2)
    True
    """
    seconds = int(retry_seconds)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="{seconds}">
<title>Superatom Lab: the class server is full</title>
<style>body {{ font-family: sans-serif; max-width: 40em; margin: 4em auto; }}</style>
</head>
<body>
<h1>The class server is full, retrying in {seconds} s</h1>
<p>It serves {html.escape(str(int(limit)))} students at once and all of them are working now.
This page asks again by itself every {seconds} seconds; keep it open, and you get a
dashboard as soon as a seat is free.</p>
</body>
</html>
"""
