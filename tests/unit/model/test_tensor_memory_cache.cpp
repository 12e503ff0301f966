// The caching CPU allocator under LibTorch: freed large buffers come back for the next allocation of their size,
// small ones are left to malloc, the limit holds, and tensors made through it compute what they should.
// Torch before Qt: Qt's `slots` keyword macro breaks torch's headers.
#include <torch/csrc/autograd/autograd.h>
#include <torch/script.h>
#include <c10/core/CPUAllocator.h>

#include "model/torch/TensorMemoryCache.h"

#include <QtTest>

using namespace execg;

class TensorMemoryCacheTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { installTensorMemoryCache(); }
    void cleanup() { setTensorMemoryCacheLimit(std::size_t(1) << 30); }

    void freedLargeBufferIsReused()
    {
        auto a = torch::empty({1 << 20});   // 4 MiB
        const void* first = a.data_ptr();
        a.reset();
        const auto before = tensorMemoryStats();
        QVERIFY(before.cachedBytes >= (std::size_t(4) << 20));
        const auto b = torch::empty({1 << 20});
        QCOMPARE(b.data_ptr(), first);
        const auto after = tensorMemoryStats();
        QCOMPARE(after.hits, before.hits + 1);
        QCOMPARE(after.cachedBytes, before.cachedBytes - ((std::size_t(4) << 20) + 4096));
    }

    void smallBuffersAreNotHeld()
    {
        releaseTensorMemoryCache();
        { const auto t = torch::ones({256}); }
        QCOMPARE(tensorMemoryStats().cachedBytes, std::size_t(0));
    }

    void buffersAreAlignedForVectorKernels()
    {
        for (const std::int64_t n : {1, 100, 1 << 14, 1 << 20}) {
            const auto t = torch::empty({n});
            QCOMPARE(reinterpret_cast<std::uintptr_t>(t.data_ptr()) % 64, std::uintptr_t(0));
        }
    }

    void limitIsHeldAndReleaseEmptiesTheCache()
    {
        releaseTensorMemoryCache();
        setTensorMemoryCacheLimit(std::size_t(9) << 20);
        {
            std::vector<torch::Tensor> held;
            for (int k = 0; k < 3; ++k)
                held.push_back(torch::empty({1 << 20}));   // 3 × 4 MiB freed at the end of the scope
        }
        const auto stats = tensorMemoryStats();
        QVERIFY(stats.cachedBytes > 0);
        QVERIFY(stats.cachedBytes <= (std::size_t(9) << 20));
        releaseTensorMemoryCache();
        QCOMPARE(tensorMemoryStats().cachedBytes, std::size_t(0));
    }

    void rawAllocationsRoundTrip()
    {
        // Some kernels allocate through raw_allocate and free through raw_deleter.
        auto* allocator = c10::GetCPUAllocator();
        void* p = allocator->raw_allocate(std::size_t(2) << 20);
        QVERIFY(p);
        static_cast<float*>(p)[0] = 1.5f;
        allocator->raw_deallocate(p);
        QVERIFY(tensorMemoryStats().cachedBytes >= (std::size_t(2) << 20));
    }

    void gradientsThroughReusedBuffersAreExact()
    {
        // Run twice so that the second pass computes in recycled buffers: d/dx sum(x²) = 2x either way.
        for (int pass = 0; pass < 2; ++pass) {
            const auto x = torch::linspace(-3.0, 3.0, 1 << 19).requires_grad_(true);
            const auto y = (x * x).sum();
            const auto g = torch::autograd::grad({y}, {x})[0];
            QCOMPARE((g - 2 * x.detach()).abs().max().item<float>(), 0.0f);
        }
    }
};

QTEST_GUILESS_MAIN(TensorMemoryCacheTest)
#include "test_tensor_memory_cache.moc"
