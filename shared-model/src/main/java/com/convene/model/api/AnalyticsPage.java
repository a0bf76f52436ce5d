package com.convene.model.api;

import java.util.List;

/// One page of an analytics listing (`/api/v1/analytics/...`).
///
/// @param items      the page, in the listing's order
/// @param nextCursor opaque cursor for the next page (pass it as `cursor`), or `null` on the last page
/// @param <T>        item type
public record AnalyticsPage<T>(List<T> items, String nextCursor) {
  public AnalyticsPage {
    items = List.copyOf(items);
  }
}
