/**
 * Next.js decodes a server action's arguments before any of our code runs, and answers a
 * malformed call with a bare 500: a JSON body that is not an array (`"x"`, `{}`), or a
 * multipart body without its root field `0`. Our browsers never send either; the proxy
 * refuses them with a 400 instead. Well-formed calls go on to `serverAction`, which checks
 * the caller and parses every argument.
 */
export async function malformedActionCall(request: Request): Promise<boolean> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await request.clone().formData();
      return !form.has("0");
    }
    const body = await request.clone().text();
    return !Array.isArray(JSON.parse(body));
  } catch {
    return true;
  }
}
