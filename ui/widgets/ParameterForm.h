#pragma once
// A form generated from an explanation method's parameter description (explain/ExplainerParameters.h): a spin box
// per number with its range and unit, a list per choice, the model's layers for a layer, a tick box per flag — the
// same description the command line's `method:key=value` is checked against, so the two never disagree.
#include "explain/ExplainerParameters.h"

#include <QWidget>

#include <map>
#include <string>
#include <vector>

class QFormLayout;

namespace execg {

// A layer the form offers, and why it cannot be used (greyed, the reason as its tooltip); empty when it can.
struct LayerChoice {
    std::string name, problem;
};

class ParameterForm : public QWidget {
    Q_OBJECT
public:
    explicit ParameterForm(QWidget* parent = nullptr);

    // Builds the form for `specs` showing `values` (defaults for the rest); `layers` lists the model's layers for
    // Layer parameters, the unusable ones greyed with their reason; `cardLayers`: they are the card's (else the
    // model has no card and they are its submodules, none the default).
    void setParameters(const std::vector<ParameterSpec>& specs, const std::map<std::string, std::string>& values,
                       const std::vector<LayerChoice>& layers, bool cardLayers = true);
    // The values that differ from the defaults.
    std::map<std::string, std::string> values() const;

signals:
    void edited();

private:
    QFormLayout* form_ = nullptr;
    std::vector<ParameterSpec> specs_;
    std::vector<QWidget*> editors_;
};

} // namespace execg
