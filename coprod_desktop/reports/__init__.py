"""The printed briefs (ReportLab): initiative brief, portfolio review, committee brief, the
access request.

Headless (no Qt) and plain: each module takes data (`domain/model.py` records and plain
dicts) and returns the PDF as bytes. Loading the data and writing the file belong to
`services/briefs.py`, which the CLI and the GUI call. ReportLab is imported only when a brief
is drawn, so importing this package is cheap.
"""
