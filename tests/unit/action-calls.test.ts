import { describe, expect, it } from "vitest";
import { malformedActionCall } from "@/lib/security/action-calls";

const call = (body: BodyInit, type?: string, action = true) =>
  new Request("http://localhost/inscription", {
    method: "POST",
    headers: { ...(action ? { "Next-Action": "7f00" } : {}), ...(type ? { "Content-Type": type } : {}) },
    body,
  });

function multipart(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

describe("issue 13: action calls Next.js cannot decode are refused before it tries", () => {
  it("refuses JSON bodies that are not an argument list, and multipart bodies without their root", async () => {
    const refused = [call('"x"', "text/plain"), call("{}", "text/plain"), call("not json", "text/plain"), call("", "text/plain"), call(multipart({ a: "b" }))];
    for (const request of refused) expect(await malformedActionCall(request)).toBe(true);
  });

  it("lets through what our forms send, and anything that is not an action call", async () => {
    const accepted = [
      call("[]", "text/plain;charset=UTF-8"),
      call('["x",{"attempt":0}]', "text/plain;charset=UTF-8"),
      call(multipart({ "0": '["$K1"]', "1_email": "a@b.fr" })),
      call("anything", "text/plain", false),
    ];
    for (const request of accepted) expect(await malformedActionCall(request)).toBe(false);
  });

  it("leaves the body readable for the action itself", async () => {
    const request = call('["x"]', "text/plain");
    await malformedActionCall(request);
    expect(await request.text()).toBe('["x"]');
  });
});
