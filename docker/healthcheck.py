"""Docker HEALTHCHECK: GET /healthz from the local gunicorn; exit 0 when it says 200.

It sends the first of DJANGO_ALLOWED_HOSTS as Host, or Django would answer 400. The
request is plain HTTP: production exempts /healthz from the redirect to HTTPS.
"""

import http.client
import os
import sys


def main() -> int:
    hosts = os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",")
    host = next(
        (h.strip().lstrip(".") for h in hosts if h.strip() not in {"", "*"}),
        "localhost",
    )
    connection = http.client.HTTPConnection("127.0.0.1", 8000, timeout=5)
    try:
        connection.request("GET", "/healthz", headers={"Host": host})
        status = connection.getresponse().status
    except OSError as exc:
        print(f"healthz: {exc}", file=sys.stderr)
        return 1
    finally:
        connection.close()
    if status != 200:
        print(f"healthz: HTTP {status}", file=sys.stderr)
    return 0 if status == 200 else 1


if __name__ == "__main__":
    sys.exit(main())
