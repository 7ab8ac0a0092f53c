package org.convscope.ui.training.setup;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/** Image folders for tests: two classes of noisy 20×16 colour pictures, reddish and bluish. */
public final class ColourFolders {
    private ColourFolders() {}

    /** Writes {@code perClass} pictures into {@code dir/red} and {@code dir/blue}, unless they are there. */
    public static void write(Path dir, int perClass) throws IOException {
        if (Files.exists(dir.resolve("red"))) return;
        SplittableRandom random = new SplittableRandom(5);
        for (String c : new String[] {"red", "blue"}) {
            Files.createDirectories(dir.resolve(c));
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = new BufferedImage(20, 16, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 20; x++) {
                        int noise = random.nextInt(80);
                        image.setRGB(x, y, c.equals("red") ? new Color(175 + noise, noise, 40).getRGB()
                                : new Color(40, noise, 175 + noise).getRGB());
                    }
                }
                ImageIO.write(image, "png", dir.resolve(c).resolve(i + ".png").toFile());
            }
        }
    }
}
