"""Regenerate ``kunduz-capture.warc.gz``, the bundled web-archive sample.

The archive holds what a crawler would store for one news page: a ``warcinfo`` record,
the HTTP request, the HTML response (the article), the page's logo image (a non-HTML
response) and a ``metadata`` record. Record ids and dates are fixed so that running this
script again gives the same bytes. The article was written by the newsgraph team (MIT).

Run: ``.venv/bin/python samples/make_warc.py``
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent / "kunduz-capture.warc.gz"
URL = "https://frontierdispatch.example/asia/2015/09/28/taliban-kunduz"
LOGO = "https://frontierdispatch.example/static/logo.png"
DATE = "2015-09-28T21:10:00Z"

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Taliban fighters seize much of Afghan city of Kunduz | The Frontier Dispatch</title>
<meta property="og:site_name" content="The Frontier Dispatch">
<meta property="og:title" content="Taliban fighters seize much of Afghan city of Kunduz">
</head>
<body>
<header><img src="/static/logo.png" alt="The Frontier Dispatch">
<nav><a href="/">Home</a> <a href="/asia">Asia</a> <a href="/middle-east">Middle East</a> <a href="/africa">Africa</a> <a href="/podcasts">Podcasts</a></nav>
</header>
<main>
<article>
<h1>Taliban fighters seize much of Afghan city of Kunduz</h1>
<p>KUNDUZ, Afghanistan - Taliban fighters overran large parts of the northern Afghan city of Kunduz on Monday, freeing hundreds of prisoners from the city jail and raising their flag over the main square in the insurgents' biggest advance since 2001.</p>
<p>Hundreds of militants attacked the city from several directions before dawn, officials said. By evening, government forces had withdrawn to the airport on the city's outskirts, where they were waiting for reinforcements.</p>
<p>"The city has fallen, apart from the airport and a few police posts," said Sayed Sarwar Hussaini, a spokesman for the provincial police. Another official said at least 16 members of the security forces had been killed and dozens wounded.</p>
<p>Taliban spokesman Zabihullah Mujahid said in a statement that the fighters had taken the governor's compound and the intelligence headquarters, and he urged residents to stay calm. The militants freed more than 500 inmates, many of them Taliban members, according to the deputy interior minister.</p>
<p>President Ashraf Ghani said on Monday that government forces were launching a counter-offensive and that the city would be retaken. "The government will not abandon the people of Kunduz," he said in a televised speech.</p>
<p>The U.S. military said it was assessing whether to support the Afghan counter-attack with air power. It is the first time the Taliban have captured a provincial capital since they were driven from power by a U.S.-led invasion 14 years ago.</p>
</article>
</main>
<footer><p>The Frontier Dispatch - reporting from the frontiers since 1998.</p><p><a href="/about">About</a> | <a href="/contact">Contact</a> | <a href="/cookies">Cookies</a></p></footer>
</body>
</html>
"""


def _png() -> bytes:
    """A 1x1 grey PNG, built here so the script carries no binary blob."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b""))


def _headers(n: int) -> dict[str, str]:
    return {"WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>", "WARC-Date": DATE}


def build(out: Path = OUT) -> Path:
    """Write the sample archive to ``out`` and return its path."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    info = writer.create_warcinfo_record(out.name, {"software": "newsgraph samples/make_warc.py",
                                                    "format": "WARC File Format 1.1"})
    info.rec_headers.replace_header("WARC-Record-ID", _headers(1)["WARC-Record-ID"])
    info.rec_headers.replace_header("WARC-Date", DATE)
    writer.write_record(info)

    request = StatusAndHeaders("GET /asia/2015/09/28/taliban-kunduz HTTP/1.1",
                               [("Host", "frontierdispatch.example"), ("User-Agent", "newsgraph-sample")],
                               is_http_request=True)
    writer.write_record(writer.create_warc_record(URL, "request", http_headers=request,
                                                  warc_headers_dict=_headers(2)))
    body = PAGE.encode("utf-8")
    page_headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                               ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(URL, "response", payload=io.BytesIO(body),
                                                  http_headers=page_headers,
                                                  warc_headers_dict=_headers(3)))
    logo = _png()
    logo_headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png"),
                                               ("Content-Length", str(len(logo)))], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(LOGO, "response", payload=io.BytesIO(logo),
                                                  http_headers=logo_headers,
                                                  warc_headers_dict=_headers(4)))
    outlinks = f"outlink: {LOGO} E =EMBED_MISC\n".encode()
    writer.write_record(writer.create_warc_record(URL, "metadata", payload=io.BytesIO(outlinks),
                                                  warc_content_type="application/warc-fields",
                                                  warc_headers_dict=_headers(5)))
    out.write_bytes(buf.getvalue())
    return out


if __name__ == "__main__":
    print(build())
