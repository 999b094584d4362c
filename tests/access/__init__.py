"""The role x URL access matrix (issue 6): every URL of the site and the admin
tried as anonymous, mission member, editor and publisher.

- ``world.py``: the data set, built once per test module and rolled back;
- ``cases.py``: the resolver walked, each URL name made concrete from the world;
- ``table.py``: the expected outcome of each URL name per role (one place);
- ``runner.py``: one request per case in a rolled-back savepoint, with the proof
  that a refused request wrote nothing;
- ``report.py``: ``var/access-matrix.md``, written at the end of the session;
- tests: the matrix, CSRF on every URL, bulk actions object by object, and the
  rules the admin alone enforces.
"""
