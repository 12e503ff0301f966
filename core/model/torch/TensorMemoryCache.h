#pragma once
// Keeps the large CPU buffers LibTorch frees, to hand them out again instead of returning them to the system.
// Why: a batch-50 forward + backward on the Captum reference model allocates ~100 activation buffers of 1–16 MB per
// call. glibc serves each from fresh mmap'ed pages (and in a worker thread's arena always does), so every call
// page-faulted its way through ~1 GB: 160 ms, of which ~80 ms were page faults. With the buffers kept, 80 ms.
// Installed once per process as LibTorch's CPU allocator; tensors made before keep their own deleter.
#include <cstddef>

namespace execg {

struct TensorMemoryStats {
    std::size_t cachedBytes = 0;   // freed buffers held for reuse
    std::size_t hits = 0;          // large allocations served from the cache
    std::size_t misses = 0;        // large allocations that went to the system
};

// Idempotent and thread-safe; loadTorchScript and configureTorchThreads call it.
void installTensorMemoryCache();
// Upper bound on the bytes held for reuse (default 1 GiB); a buffer freed beyond it goes back to the system.
void setTensorMemoryCacheLimit(std::size_t bytes);
// Gives every held buffer back to the system (e.g. after a model is closed).
void releaseTensorMemoryCache();
TensorMemoryStats tensorMemoryStats();

} // namespace execg
