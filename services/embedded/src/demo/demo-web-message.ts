import { CITY_DISTRICT, INTAKE_SERVICE, systemActor } from '@hotline/contracts';
import type { FileAttachmentStore } from '@hotline/infra/attachments';
import { demoStreetLampPhoto } from './content/demo-photo';
import { demoPhone } from './content/demo-places';
import type { DemoBus } from './demo-bus';

/** The portal's actor (the gateway's PORTAL_VIEWER): a citizen without an account. */
const PORTAL = { actor: systemActor('citizen-portal'), districtId: CITY_DISTRICT };

/**
 * A citizen's web request waiting at the desk as the portal leaves one it cannot classify: a photo of
 * a street lamp that is out, the place with its coordinates, and an address in 鼓楼区, so the desk's
 * card shows the photo, the place and the district read from the address. The photo is stored the
 * way mail attachments are (content-addressed), so a second seeding names the same file.
 */
export async function seedDemoWebMessage(bus: DemoBus, store: FileAttachmentStore, now: Date): Promise<void> {
  const photo = await store.save('路灯照片.png', 'image/png', demoStreetLampPhoto());
  const at = new Date(now.getTime() - 8 * 60_000);
  await bus.command(
    INTAKE_SERVICE,
    'SubmitContact',
    'demo:demo-web-photo-1:submit',
    PORTAL,
    {
      contactId: 'demo-web-photo-1',
      channel: 'web',
      receivedAt: at.toISOString(),
      caller: { name: '欧阳女士', phone: demoPhone(9400) },
      content: '您好，有个情况想反映一下，照片里这个地方晚上一直这样，麻烦尽快派人来看看。',
      place: { address: '鼓楼区杨桥东路福馨苑小区门口', lat: 26.0868, lng: 119.2964 },
      attachments: [photo],
    },
    at,
  );
}
