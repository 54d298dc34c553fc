import { describe, expect, it } from "vitest";
import { createStorage } from "@/lib/storage/client";
import { declaredFileProblem, maxUploadBytes } from "@/lib/uploads/rules";
import { presignUpload, uploadPolicySeconds } from "@/lib/uploads/uploads";

// The local S3 server does not enforce POST policies (STACK-NOTES): real S3 does, so the
// policy itself must carry every condition. Signing is local: no server is needed here.
const storage = createStorage({
  endpoint: "https://s3.example.fr",
  region: "eu-west-3",
  bucket: "aesh-fichiers",
  accessKeyId: "AKIAEXAMPLE",
  secretAccessKey: "secret",
  forcePathStyle: true,
});

describe("presigned upload policy", () => {
  it("pins the server-chosen key, the PDF type and the 20 Mo size range, and expires in minutes", async () => {
    const before = Date.now();
    const post = await presignUpload(storage, "pieces-jointes/0b7c.pdf");
    const policy = JSON.parse(Buffer.from(post.fields.Policy!, "base64").toString("utf8")) as { expiration: string; conditions: unknown[] };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { bucket: "aesh-fichiers" },
        { key: "pieces-jointes/0b7c.pdf" },
        ["eq", "$Content-Type", "application/pdf"],
        ["content-length-range", 1, maxUploadBytes],
      ]),
    );
    expect(maxUploadBytes).toBe(20 * 1024 * 1024);
    const lifetime = Date.parse(policy.expiration) - before;
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(uploadPolicySeconds * 1000 + 5000);
    expect(uploadPolicySeconds).toBeLessThanOrEqual(15 * 60);
    expect(post.fields).toMatchObject({ key: "pieces-jointes/0b7c.pdf", "Content-Type": "application/pdf", bucket: "aesh-fichiers" });
    expect(post.url).toBe("https://s3.example.fr/aesh-fichiers");
  });
});

describe("declared file checks (before any storage is involved)", () => {
  it.each([
    [{ name: "cni.pdf", size: 1000, type: "application/pdf" }, null],
    [{ name: "cni.PDF", size: 1000, type: "" }, null],
    [{ name: "cni.pdf", size: maxUploadBytes + 1, type: "application/pdf" }, /dépasse 20 Mo/],
    [{ name: "cni.pdf", size: 0, type: "application/pdf" }, /vide/],
    [{ name: "cni.jpg", size: 1000, type: "image/jpeg" }, /n'est pas un PDF/],
  ] as const)("%o", (file, expected) => {
    const problem = declaredFileProblem(file);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});
