/** One message of the thread between an enterprise and its service manager. */
export interface DeskMessageTable {
  id: string;
  enterpriseId: string;
  /** enterprise: a legal representative or agent wrote it; manager: the manager or their head. */
  senderSide: 'enterprise' | 'manager';
  senderUserId: string;
  senderName: string;
  body: string;
  createdAt: string;
  readByEnterpriseAt: string | null;
  readByManagerAt: string | null;
}
