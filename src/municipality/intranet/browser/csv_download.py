"""CSV files for spreadsheets: UTF-8 with a byte order mark, as a download.

The mark lets spreadsheet programs read Greek and Turkish. Internal lists
are never kept by browsers or proxies.
"""


def csv_download(response, filename: str, text: str, private: bool = True) -> str:
    response.setHeader("Content-Type", "text/csv; charset=utf-8")
    response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
    if private:
        response.setHeader("Cache-Control", "private, no-store")
    return "\ufeff" + text
