package com.convene.model.api;

import java.util.List;

/// One page of a listing with cursor paging: pass `nextCursor` as the `cursor` query parameter to get the next
/// page; `null` means this was the last page. Cursors are opaque and stable under concurrent inserts.
///
/// @param items      the page's items, at most the requested `limit`
/// @param nextCursor cursor of the next page, or `null`
/// @param <T>        item type
public record Page<T>(List<T> items, String nextCursor) {
}
