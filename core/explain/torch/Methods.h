#pragma once
// The built-in explanation methods, one factory per method; BuiltinExplainers.cpp registers them.
#include "explain/Explainer.h"

#include <memory>

namespace execg {

std::unique_ptr<Explainer> makeSaliency();
std::unique_ptr<Explainer> makeInputXGradient();
std::unique_ptr<Explainer> makeIntegratedGradients();
std::unique_ptr<Explainer> makeSmoothGrad();
std::unique_ptr<Explainer> makeVarGrad();
std::unique_ptr<Explainer> makeGradCam();
std::unique_ptr<Explainer> makeGradCamPlusPlus();
std::unique_ptr<Explainer> makeGuidedBackprop();
std::unique_ptr<Explainer> makeGuidedGradCam();
std::unique_ptr<Explainer> makeOcclusion();
std::unique_ptr<Explainer> makeFeatureAblation();
std::unique_ptr<Explainer> makeWaveAblation();
std::unique_ptr<Explainer> makeWaveShap();

} // namespace execg
