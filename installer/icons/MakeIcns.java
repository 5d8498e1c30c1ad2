import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an Apple icon file (.icns) from PNG files, so that the macOS icon can be made on any
 * machine with a JDK (Apple's {@code iconutil} exists only on macOS). Run it as a single-file
 * program:
 *
 * <pre>java MakeIcns.java OUT.icns TYPE=FILE.png [TYPE=FILE.png]...</pre>
 *
 * where TYPE is an icns element type that holds PNG data: icp4 (16 px), icp5 (32), icp6 (64),
 * ic07 (128), ic08 (256), ic09 (512), ic10 (1024, "512@2x"), ic11 (32, "16@2x"), ic12 (64,
 * "32@2x"), ic13 (256, "128@2x"), ic14 (512, "256@2x"). The format: the magic "icns", the file
 * length, then per element its four-letter type, its length (header included) and the PNG
 * bytes; every length is a big-endian 32-bit integer.
 */
public final class MakeIcns {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java MakeIcns.java OUT.icns TYPE=FILE.png [TYPE=FILE.png]...");
            System.exit(2);
        }
        ByteArrayOutputStream elements = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(elements);
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            String type = eq == 4 ? args[i].substring(0, 4) : "";
            if (!type.matches("icp[456]|ic0[789]|ic1[0-4]")) {
                System.err.println("MakeIcns: not a PNG icns element type in '" + args[i] + "'");
                System.exit(2);
            }
            byte[] png = Files.readAllBytes(Path.of(args[i].substring(eq + 1)));
            for (int b = 0; b < PNG_SIGNATURE.length; b++) {
                if (png.length <= b || png[b] != PNG_SIGNATURE[b]) {
                    System.err.println("MakeIcns: not a PNG file: " + args[i].substring(eq + 1));
                    System.exit(1);
                }
            }
            out.writeBytes(type);
            out.writeInt(8 + png.length);
            out.write(png);
        }
        out.flush();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(8 + elements.size());
        elements.writeTo(header);
        header.flush();
        Files.write(Path.of(args[0]), file.toByteArray());
    }
}
