/// Where recordings' files are kept: an [com.convene.backend.storage.ObjectStorage] addressed by bucket and key,
/// as in S3. `convene.storage.provider` picks the provider: a local directory (`local`, the embedded default) or
/// an S3-compatible service (`s3`, decision 053). Keys use `/` separators and never contain `..`.
@NullMarked
package com.convene.backend.storage;

import org.jspecify.annotations.NullMarked;
