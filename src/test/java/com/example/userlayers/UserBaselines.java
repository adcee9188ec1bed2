package com.example.userlayers;

import java.nio.file.Path;
import java.util.Optional;

/** Where this repository keeps the baselines of its user-style layers: apart from the project's own. */
final class UserBaselines {

    static final Optional<Path> DIRECTORY = Optional.of(Path.of("fixtures", "user-baselines"));

    private UserBaselines() {
    }
}
