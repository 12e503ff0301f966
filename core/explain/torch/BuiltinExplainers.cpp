#include "explain/torch/Methods.h"

namespace execg {

void registerBuiltinExplainers(ExplainerRegistry& registry)
{
    registry.add(makeSaliency());
    registry.add(makeInputXGradient());
    registry.add(makeIntegratedGradients());
    registry.add(makeSmoothGrad());
    registry.add(makeVarGrad());
    registry.add(makeGradCam());
    registry.add(makeGradCamPlusPlus());
    registry.add(makeGuidedBackprop());
    registry.add(makeGuidedGradCam());
    registry.add(makeOcclusion());
    registry.add(makeFeatureAblation());
    registry.add(makeWaveAblation());
    registry.add(makeWaveShap());
}

} // namespace execg
