/**
 * Photographed documents: the browser turns one or more photos (any format it can decode —
 * JPEG, PNG, WebP, and HEIC where the browser reads it, as Safari does) into one PDF, one page
 * per photo, so staff always receive a PDF. Photos are scaled down to 300 dpi on A4 and
 * re-encoded as JPEG, which keeps a phone's 12-megapixel pictures well under 20 Mo.
 */

const a4 = { width: 210, height: 297 }; // mm
const margin = 10; // mm
const maxPixels = 2480; // A4 long side at 300 dpi

async function decode(file: File): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } catch {
    throw new Error(`La photo « ${file.name} » n'a pas pu être lue par votre navigateur. Enregistrez-la en JPEG ou en PNG, puis réessayez.`);
  } finally {
    // The decoded bitmap stays usable for drawing after the URL is revoked.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

function toJpeg(image: HTMLImageElement): { data: string; width: number; height: number } {
  const scale = Math.min(1, maxPixels / Math.max(image.naturalWidth, image.naturalHeight));
  const canvas = document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
  const context = canvas.getContext("2d");
  if (!context) throw new Error("Votre navigateur ne permet pas de préparer les photos.");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return { data: canvas.toDataURL("image/jpeg", 0.85), width: canvas.width, height: canvas.height };
}

export async function photosToPdf(photos: File[], name: string): Promise<File> {
  const { jsPDF } = await import("jspdf");
  let pdf: InstanceType<typeof jsPDF> | null = null;
  for (const photo of photos) {
    const jpeg = toJpeg(await decode(photo));
    const landscape = jpeg.width > jpeg.height;
    const page = landscape ? { width: a4.height, height: a4.width } : a4;
    if (!pdf) pdf = new jsPDF({ orientation: landscape ? "landscape" : "portrait", unit: "mm", format: "a4", compress: true });
    else pdf.addPage("a4", landscape ? "landscape" : "portrait");
    const fit = Math.min((page.width - 2 * margin) / jpeg.width, (page.height - 2 * margin) / jpeg.height);
    const [width, height] = [jpeg.width * fit, jpeg.height * fit];
    pdf.addImage(jpeg.data, "JPEG", (page.width - width) / 2, (page.height - height) / 2, width, height);
  }
  if (!pdf) throw new Error("Choisissez au moins une photo.");
  pdf.setProperties({ title: name, creator: "Plateforme de recrutement des AESH" });
  return new File([pdf.output("blob")], `${name}.pdf`, { type: "application/pdf" });
}
