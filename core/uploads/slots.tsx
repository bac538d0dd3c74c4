import type { SlotRegistry } from '../plugins/slots.tsx';
import type { UploadContext } from './service/accept.ts';
import { AvatarForm } from './views/avatar-form.tsx';
import { ComposerImageControl } from './views/composer-control.tsx';
import { registerAsset, assetUrl } from '../ui/assets.ts';
import path from 'node:path';
import { formatSize } from './size.ts';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The image button in composers, its script, and the avatar form on one's own profile: placed through slots. */
export function registerUploadSlots(slots: SlotRegistry, uploads: UploadContext): void {
  registerAsset('uploads.js', path.join(here, 'assets/uploads.js'));
  registerAsset('uploads.css', path.join(here, 'assets/uploads.css'));
  const maxMb = formatSize(uploads.limits.maxBytes);

  slots.set('head', {
    key: 'core.uploads.assets',
    owner: 'core',
    priority: 10,
    active: () => true,
    shared: true,
    render: ({ vc }) =>
      vc.user ? (
        <>
          <link rel="stylesheet" href={assetUrl('uploads.css')} />
          <script src={assetUrl('uploads.js')} defer></script>
        </>
      ) : null,
  });

  slots.set('composer.extras', {
    key: 'core.uploads.image',
    owner: 'core',
    priority: 1,
    active: () => true,
    shared: true,
    render: ({ vc, mode }) => (vc.user ? <ComposerImageControl vc={vc} target={mode === 'thread' ? 'f-raw' : 'reply-raw'} /> : null),
  });

  slots.set('profile.summary', {
    key: 'core.uploads.avatar',
    owner: 'core',
    priority: 90,
    active: () => true,
    render: ({ vc, profile }) => (vc.user?.id === profile.id ? <AvatarForm vc={vc} maxMb={maxMb} hasUpload={profile.avatarKey !== null} /> : null),
  });
}
