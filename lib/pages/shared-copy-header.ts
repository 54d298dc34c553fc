/**
 * The request header the proxy sets ("1") on the rendering of a public page's shared copy, and
 * removes from every other request. Plain module: pages read it without the proxy's code.
 */
export const sharedCopyRenderHeader = "x-aesh-copie";
