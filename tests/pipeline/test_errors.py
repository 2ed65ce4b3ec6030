"""Errors cross process boundaries intact (a process-pool worker raises them)."""

import pickle

from pipeline.errors import FetchFailed, StageError, UnsupportedFormat


def test_stage_errors_survive_pickling_with_their_attributes():
    for err in (StageError("no table", "validate", "a.docx"), FetchFailed("http://x/a.pdf", "404"),
                UnsupportedFormat("b.txt", "not a document")):
        err.sha256 = "ab" * 32
        back = pickle.loads(pickle.dumps(err))
        assert type(back) is type(err)
        assert (str(back), back.reason, back.stage, back.source, back.sha256) == \
            (str(err), err.reason, err.stage, err.source, err.sha256)
