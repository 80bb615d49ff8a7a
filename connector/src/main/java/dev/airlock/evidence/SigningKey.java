package dev.airlock.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key that signs bundle manifests. The private key never leaves this object: {@link #toString()} shows
 * only the key id.
 *
 * <p>On disk a key is two PEM files that OpenSSL reads as they are: {@value #PRIVATE_KEY_FILE} (PKCS#8, readable by
 * the owner only) and {@value #PUBLIC_KEY_FILE} (X.509 SubjectPublicKeyInfo).
 */
public final class SigningKey {

    public static final String PRIVATE_KEY_FILE = "signing-key.pem";
    public static final String PUBLIC_KEY_FILE = "signing-key.pub.pem";
    static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId(publicKey);
    }

    /** Generates a new key pair in memory. */
    public static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK cannot generate Ed25519 keys, which Java 15 and later provide", e);
        }
    }

    /**
     * Loads the key stored in the folder, or generates one and stores it there when the folder has none.
     *
     * @throws EvidenceException if the files cannot be read or written, or do not form a matching Ed25519 key pair
     */
    public static SigningKey loadOrCreate(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        try {
            Files.createDirectories(directory);
            if (!Files.exists(privateFile)) {
                SigningKey created = generate();
                if (created.store(privateFile, publicFile)) {
                    return created;
                }
            }
            return load(privateFile, publicFile);
        } catch (IOException e) {
            throw new EvidenceException("Failed to load or create the signing key in " + directory + ": " + e
                    + ". Check that the folder is writable and the key files are readable.", e);
        }
    }

    /** Returns the first 16 hex digits of the SHA-256 of the public key's X.509 encoding. */
    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** Returns the base64 of the public key's X.509 encoding, as written into manifests. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** Signs the bytes with Ed25519 and returns the 64-byte signature. */
    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new EvidenceException("Failed to sign with key " + keyId + ": " + e.getMessage(), e);
        }
    }

    /** Returns whether the signature is a valid Ed25519 signature of the data by the key; false for any malformed input. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Returns the key id of any public key, computed as in {@link #keyId()}. */
    public static String keyId(PublicKey key) {
        return Digests.sha256Hex(key.getEncoded()).substring(0, 16);
    }

    /**
     * Decodes a base64 X.509 SubjectPublicKeyInfo into an Ed25519 public key.
     *
     * @throws IllegalArgumentException if the text is not base64 or not an Ed25519 public key
     */
    public static PublicKey decodePublicKey(String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid Ed25519 public key: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[keyId=" + keyId + "]";
    }

    /** Writes both files, or returns false when another process created the private key first. */
    private boolean store(Path privateFile, Path publicFile) throws IOException {
        try {
            Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            // NOTE: on a file system without POSIX permissions the key file gets the default permissions.
            Files.createFile(privateFile);
        }
        Files.writeString(privateFile, pem("PRIVATE KEY", privateKey.getEncoded()), StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING);
        Files.writeString(publicFile, pem("PUBLIC KEY", publicKey.getEncoded()), StandardCharsets.US_ASCII);
        return true;
    }

    private static SigningKey load(Path privateFile, Path publicFile) throws IOException {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(fromPem(Files.readString(privateFile))));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(fromPem(Files.readString(publicFile))));
            SigningKey key = new SigningKey(privateKey, publicKey);
            byte[] probe = "airlock key pair check".getBytes(StandardCharsets.US_ASCII);
            if (!verify(publicKey, probe, key.sign(probe))) {
                throw new EvidenceException(publicFile + " does not belong to " + privateFile
                        + ". Restore the matching public key, or move both files away to create a new key.");
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new EvidenceException("Invalid Ed25519 key in " + privateFile.getParent() + ": " + e.getMessage()
                    + ". Both " + PRIVATE_KEY_FILE + " and " + PUBLIC_KEY_FILE + " must be PEM files.", e);
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] fromPem(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
