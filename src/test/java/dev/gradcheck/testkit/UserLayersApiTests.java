package dev.gradcheck.testkit;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The user-style layers and their tests ({@code com.example.userlayers}) use gradcheck's public API alone. */
@AnalyzeClasses(packages = "com.example.userlayers")
class UserLayersApiTests {

    @ArchTest
    static final ArchRule userLayersUseOnlyThePublicApi = PublicApi.usesOnlyThePublicApi("com.example.userlayers");
}
