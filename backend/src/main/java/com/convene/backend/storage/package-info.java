/// Where recordings' files are kept: an [com.convene.backend.storage.ObjectStorage] addressed by bucket and key,
/// as in S3. The local-directory provider is the embedded default; an S3-compatible provider is the next step
/// (issue 6). Keys use `/` separators and never contain `..`.
@NullMarked
package com.convene.backend.storage;

import org.jspecify.annotations.NullMarked;
