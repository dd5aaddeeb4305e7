// What the person at the screen may do, from the same role table the mutators check
// (shared/domain/roles): a button whose change the role may not make is disabled, and the screen
// says in words who may make it, instead of letting the mutator refuse it afterwards.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { can, rolesWith, type Permission, type Role } from '../../shared/domain/roles';
import { LOCAL_ACTOR, useSyncStore } from '../sync/controller';

export interface PermissionState {
  allowed: boolean;
  /** Why not, in the UI's language; null when allowed. */
  reason: string | null;
  role: Role;
}

// i18n keys are camelCase: `invite.send` -> `inviteSend`, `admin-agent` -> `adminAgent`.
const camel = (s: string) => s.replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase());

/** "an Admin agent or a Sales agent" / "管理エージェントまたは営業担当エージェント". */
function roleList(t: TFunction, roles: readonly Role[]): string {
  const names = roles.map((r) => t(`permission.role.${camel(r)}`));
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(t('permission.listSeparator'))}${t('permission.or')}${names[names.length - 1]}`;
}

export function permissionReason(t: TFunction, role: Role, permission: Permission): string | null {
  if (can(role, permission)) return null;
  return t('permission.denied', {
    roles: roleList(t, rolesWith(permission)),
    action: t(`permission.action.${camel(permission)}`),
    role: t(`permission.role.${camel(role)}`),
  });
}

/** The signed-in person's role; before anyone signs in, the local profile's (LOCAL_ACTOR), as the mutators use. */
export function useRole(): Role {
  return useSyncStore((s) => s.user?.role) ?? LOCAL_ACTOR.role;
}

export function usePermission(permission: Permission): PermissionState {
  const { t } = useTranslation();
  const role = useRole();
  const reason = permissionReason(t, role, permission);
  return { allowed: reason === null, reason, role };
}

const useStyles = makeStyles({
  note: { color: tokens.colorNeutralForeground2, display: 'block' },
});

/** The reason beside the disabled buttons, or nothing when the role may act. */
export function PermissionNote({ permission, id }: { permission: Permission; id?: string }) {
  const styles = useStyles();
  const { reason } = usePermission(permission);
  if (!reason) return null;
  return (
    <Text id={id} className={styles.note} role="note" data-testid="permission-note">
      {reason}
    </Text>
  );
}
