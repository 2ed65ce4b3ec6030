"""The middle floor: typed records and the path of one document (``ingest`` → ``stitch`` →
``normalise`` → ``themes``), with rooms for the database (``store``), cross-region comparison
(``compare``) and where documents come from (``sources``).

May import extractors/ and normalizers/ (the floor below); never flows/ or cli/ (the floors above).
"""
