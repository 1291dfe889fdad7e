"""Posts one webhook call to the example handler whose stderr goes to LOG, with KEY as its
X-API-Key, and checks that it answers 200.

    python3 .ci/post-webhook.py LOG KEY
"""
import json
import re
import sys
import time
import urllib.request

log, key = sys.argv[1], sys.argv[2]
address = None
for _ in range(100):
    with open(log, encoding="utf-8", errors="replace") as f:
        found = re.search(r"listening on (http://[0-9.]+:[0-9]+)", f.read())
    if found:
        address = found.group(1)
        break
    time.sleep(0.1)
if address is None:
    sys.exit(f"the handler did not say where it listens ({log})")
body = json.dumps({"events": [{"id": "lesson-1", "type": "conversation:message", "payload": {}}]})
request = urllib.request.Request(
    address + "/webhook",
    data=body.encode(),
    headers={"content-type": "application/json", "x-api-key": key},
    method="POST",
)
with urllib.request.urlopen(request, timeout=10) as answer:
    if answer.status != 200:
        sys.exit(f"the handler answered {answer.status}")
# The event line is printed after the answer.
time.sleep(0.5)
