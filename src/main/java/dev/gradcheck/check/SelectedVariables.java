package dev.gradcheck.check;

import dev.gradcheck.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A unit whose check covers only some of its tensors: {@link Checkable#only}. */
final class SelectedVariables implements Checkable {

    private final Checkable unit;
    private final Set<String> names;

    SelectedVariables(Checkable unit, List<String> names) {
        List<String> known = unit.variables().stream().map(Variable::name).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException(unit.name() + ": name at least one tensor to check; its tensors are "
                    + String.join(", ", known));
        }
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException(unit.name() + " has no tensor '" + name + "'; its tensors are "
                        + String.join(", ", known));
            }
        }
        this.unit = unit;
        this.names = Set.copyOf(names);
    }

    @Override
    public String name() {
        return unit.name();
    }

    @Override
    public List<Variable> variables() {
        List<Variable> selected = new ArrayList<>();
        for (Variable v : unit.variables()) {
            if (names.contains(v.name())) {
                selected.add(v);
            }
        }
        return selected;
    }

    @Override
    public double loss() {
        return unit.loss();
    }

    @Override
    public Map<String, Tensor> analyticGradient() {
        return select(unit.analyticGradient());
    }

    @Override
    public double lossScale() {
        return unit.lossScale();
    }

    @Override
    public Optional<Map<String, Tensor>> exactGradient() {
        return unit.exactGradient().map(this::select);
    }

    private Map<String, Tensor> select(Map<String, Tensor> all) {
        return all.entrySet().stream().filter(e -> names.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
