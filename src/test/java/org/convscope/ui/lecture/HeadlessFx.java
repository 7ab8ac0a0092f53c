package org.convscope.ui.lecture;

/**
 * The build passes -Dtestfx.headless=true, which makes TestFX look for Monocle; JavaFX 26 has its own headless glass
 * platform (-Dglass.platform=Headless, also passed), so the TestFX switch is turned off before the toolkit starts.
 */
final class HeadlessFx {
    private HeadlessFx() {}

    static void useJavaFxHeadless() {
        System.clearProperty("testfx.headless");
    }
}
