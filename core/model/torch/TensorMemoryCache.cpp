#include "model/torch/TensorMemoryCache.h"

#include <c10/core/CPUAllocator.h>

#include <cstdlib>
#include <limits>
#include <map>
#include <mutex>
#include <new>

namespace execg {
namespace {

// Buffers below this size are left to malloc, which handles small blocks well.
constexpr std::size_t kCachedFrom = std::size_t(64) << 10;
constexpr std::size_t kPage = 4096;
// LibTorch's own CPU alignment (c10::gAlignment); a header of that size in front of every buffer keeps it, and holds
// the buffer's size so that the raw deleter (some kernels free through it) needs no lookup.
constexpr std::size_t kHeader = 64;

class CachingCpuAllocator final : public c10::Allocator {
public:
    c10::DataPtr allocate(std::size_t bytes) const override
    {
        void* data = instance().take(bytes);
        return {data, data, &release, c10::Device(c10::DeviceType::CPU)};
    }
    c10::DeleterFnPtr raw_deleter() const override { return &release; }

    static CachingCpuAllocator& instance()
    {
        // Never destroyed: tensors may be freed during static destruction.
        static auto* allocator = new CachingCpuAllocator;
        return *allocator;
    }

    void setLimit(std::size_t bytes)
    {
        std::lock_guard lock(mutex_);
        limit_ = bytes;
        trimLocked();
    }
    void releaseAll()
    {
        std::lock_guard lock(mutex_);
        const std::size_t limit = limit_;
        limit_ = 0;
        trimLocked();
        limit_ = limit;
    }
    TensorMemoryStats stats() const
    {
        std::lock_guard lock(mutex_);
        return stats_;
    }

private:
    static std::size_t blockSize(std::size_t bytes)
    {
        if (bytes > std::numeric_limits<std::size_t>::max() - kHeader - kPage)
            throw std::bad_alloc();
        const std::size_t total = bytes + kHeader;
        return total < kCachedFrom ? total : (total + kPage - 1) / kPage * kPage;
    }

    void* take(std::size_t bytes)
    {
        std::size_t size = blockSize(bytes);
        void* block = nullptr;
        if (size >= kCachedFrom) {
            std::lock_guard lock(mutex_);
            // Best fit, wasting at most an eighth: the same shapes recur call after call.
            const auto it = free_.lower_bound(size);
            if (it != free_.end() && it->first <= size + size / 8) {
                size = it->first;
                block = it->second;
                free_.erase(it);
                stats_.cachedBytes -= size;
                ++stats_.hits;
            } else {
                ++stats_.misses;
            }
        }
        if (!block && posix_memalign(&block, kHeader, size) != 0)
            throw std::bad_alloc();
        *static_cast<std::size_t*>(block) = size;
        return static_cast<char*>(block) + kHeader;
    }

    static void release(void* data)
    {
        if (!data)
            return;
        void* block = static_cast<char*>(data) - kHeader;
        instance().put(block, *static_cast<std::size_t*>(block));
    }

    void put(void* block, std::size_t size)
    {
        if (size >= kCachedFrom) {
            std::lock_guard lock(mutex_);
            if (stats_.cachedBytes + size <= limit_) {
                free_.emplace(size, block);
                stats_.cachedBytes += size;
                return;
            }
        }
        std::free(block);
    }

    void trimLocked()
    {
        // Largest first: they free the most for the fewest calls.
        while (stats_.cachedBytes > limit_ && !free_.empty()) {
            const auto it = std::prev(free_.end());
            stats_.cachedBytes -= it->first;
            std::free(it->second);
            free_.erase(it);
        }
    }

    mutable std::mutex mutex_;
    std::multimap<std::size_t, void*> free_;
    std::size_t limit_ = std::size_t(1) << 30;
    TensorMemoryStats stats_;
};

} // namespace

void installTensorMemoryCache()
{
    static std::once_flag once;
    // Priority above the default allocator's registration (0), so a later default registration cannot undo it.
    std::call_once(once, [] { c10::SetCPUAllocator(&CachingCpuAllocator::instance(), 10); });
}

void setTensorMemoryCacheLimit(std::size_t bytes)
{
    CachingCpuAllocator::instance().setLimit(bytes);
}

void releaseTensorMemoryCache()
{
    CachingCpuAllocator::instance().releaseAll();
}

TensorMemoryStats tensorMemoryStats()
{
    return CachingCpuAllocator::instance().stats();
}

} // namespace execg
