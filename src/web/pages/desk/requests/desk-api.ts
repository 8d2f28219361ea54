// Typed calls of the enterprise desk: workspace, the manager's desk, messages and requests (诉求).
import { api } from '../../../api/client.ts';
import type { RequestCategory } from '../../../../contracts/desk-requests.ts';

export {
  REQUEST_CATEGORIES,
  REQUEST_TARGETS,
  type RequestCategory,
} from '../../../../contracts/desk-requests.ts';
export type RequestStatus = 'submitted' | 'accepted' | 'routed' | 'answered' | 'resolved' | 'reopened';

export interface RequestSummary {
  id: string;
  referenceNo: string;
  category: RequestCategory;
  title: string;
  status: RequestStatus;
  filedAt: string;
  enterpriseId: string | null;
  filerName: string;
  firstResponseDueAt: string;
  firstRespondedAt: string | null;
  resolutionDueAt: string;
  answeredAt: string | null;
  isFirstResponseLate: boolean;
  isResolutionLate: boolean;
  reopenCount: number;
  rating: number | null;
}

export interface RequestPart {
  id: string;
  officeId: string;
  officeNameZh: string | null;
  officeNameEn: string | null;
  instructions: string;
  status: 'open' | 'answered';
  round: number;
  answer: string | null;
  answeredAt: string | null;
  answeredByName: string | null;
  isMine: boolean;
}

export type RequestEventKind =
  | 'filed'
  | 'accepted'
  | 'routed'
  | 'part_answered'
  | 'answered'
  | 'resolved'
  | 'rated'
  | 'reopened'
  | 'reminded'
  | 'escalated';

export interface RequestEvent {
  id: string;
  at: string;
  kind: RequestEventKind;
  actorName: string | null;
  officeNameZh: string | null;
  officeNameEn: string | null;
  body: string | null;
  rating: number | null;
  target: 'first_response' | 'resolution' | null;
}

export interface RequestDetail extends RequestSummary {
  description: string;
  districtCode: string;
  managerName: string | null;
  resolvedAt: string | null;
  ratingComment: string | null;
  viewer: 'filer' | 'manager' | 'office';
  actions: string[];
  parts: RequestPart[];
  events: RequestEvent[];
  attachments: { id: string; fileName: string; mediaType: string; sizeBytes: number }[];
}

export interface OfficePartItem {
  partId: string;
  requestId: string;
  referenceNo: string;
  category: RequestCategory;
  title: string;
  filerName: string;
  officeNameZh: string;
  officeNameEn: string;
  instructions: string;
  status: 'open' | 'answered';
  routedAt: string;
  answeredAt: string | null;
  resolutionDueAt: string;
}

export interface RouteOffice {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  isStreet: boolean;
}

export interface ManagerContact {
  managerUserId: string;
  managerName: string;
  officeId: string;
  officeNameZh: string;
  officeNameEn: string;
  phone: string;
  email: string | null;
  officeAddress: string | null;
  assignedAt: string;
  headName: string | null;
}

export interface MyEnterprise {
  id: string;
  name: string;
  uscc: string;
  role: 'legal_rep' | 'agent';
}

export interface EnterpriseWorkspace {
  enterprise: {
    id: string;
    name: string;
    uscc: string;
    districtCode: string | null;
    address: string | null;
    myRole: 'legal_rep' | 'agent';
  };
  profile: {
    companyType: string | null;
    registeredCapitalWan: number | null;
    industry: string | null;
    sizeClass: string | null;
    employees: number | null;
    establishedOn: string | null;
    businessScope: string | null;
    registrationStatus: string | null;
    legalRepresentative: string | null;
  } | null;
  members: {
    linkId: string;
    personName: string;
    idNumberMasked: string;
    role: 'legal_rep' | 'agent';
    validFrom: string;
    expiresAt: string | null;
    isActive: boolean;
  }[];
  manager: ManagerContact | null;
  applications: {
    total: number;
    items: {
      id: string;
      receiptNo: string;
      status: string;
      nameZh: string;
      nameEn: string;
      submittedAt: string;
      promisedDate: string | null;
      finishedAt: string | null;
    }[];
  };
  requests: RequestSummary[];
  unreadMessages: number;
}

export interface ManagerWorkspace {
  enterprises: {
    enterpriseId: string;
    enterpriseName: string;
    relation: 'manager' | 'head';
    openRequests: number;
    overdueRequests: number;
    nextDueAt: string | null;
    unreadMessages: number;
  }[];
  requests: RequestSummary[];
  residentRequestsAwaiting: number;
  now: string;
}

export interface ThreadMessage {
  id: string;
  senderSide: 'enterprise' | 'manager';
  senderName: string;
  body: string;
  createdAt: string;
  isMine: boolean;
  isUnread: boolean;
}

export interface Thread {
  enterpriseName: string;
  side: 'enterprise' | 'manager';
  unread: number;
  items: ThreadMessage[];
}

const id = (value: string) => encodeURIComponent(value);

export const deskApi = {
  myEnterprises: () => api.get<{ items: MyEnterprise[] }>('/api/v1/desk/workspace'),
  workspace: (enterpriseId: string) =>
    api.get<EnterpriseWorkspace>(`/api/v1/desk/enterprises/${id(enterpriseId)}/workspace`),
  managerWorkspace: () => api.get<ManagerWorkspace>('/api/v1/desk/manager/workspace'),
  thread: (enterpriseId: string) => api.get<Thread>(`/api/v1/desk/enterprises/${id(enterpriseId)}/messages`),
  postMessage: (enterpriseId: string, body: string) =>
    api.post<ThreadMessage>(`/api/v1/desk/enterprises/${id(enterpriseId)}/messages`, { body }),
  markThreadRead: (enterpriseId: string) =>
    api.post<{ marked: number }>(`/api/v1/desk/enterprises/${id(enterpriseId)}/messages/read`),
  myRequests: () => api.get<{ items: RequestSummary[] }>('/api/v1/desk/requests'),
  fileRequest: (
    enterpriseId: string | null,
    input: { category: RequestCategory; title: string; description: string; attachmentIds: string[] },
  ) =>
    api.post<{ id: string; referenceNo: string }>(
      enterpriseId ? `/api/v1/desk/enterprises/${id(enterpriseId)}/requests` : '/api/v1/desk/requests',
      input,
    ),
  request: (requestId: string) => api.get<RequestDetail>(`/api/v1/desk/requests/${id(requestId)}`),
  routeOffices: (requestId: string) =>
    api.get<{ items: RouteOffice[] }>(`/api/v1/desk/requests/${id(requestId)}/route-offices`),
  accept: (requestId: string, note: string) =>
    api.post<void>(`/api/v1/desk/requests/${id(requestId)}/accept`, { note }),
  answer: (requestId: string, answer: string) =>
    api.post<void>(`/api/v1/desk/requests/${id(requestId)}/answer`, { answer }),
  route: (requestId: string, offices: { officeId: string; instructions: string }[]) =>
    api.post<void>(`/api/v1/desk/requests/${id(requestId)}/route`, { offices }),
  answerPart: (partId: string, answer: string) =>
    api.post<void>(`/api/v1/desk/request-parts/${id(partId)}/answer`, { answer }),
  confirm: (requestId: string, rating: number, comment: string) =>
    api.post<void>(`/api/v1/desk/requests/${id(requestId)}/confirm`, {
      rating,
      ...(comment.trim() ? { comment } : {}),
    }),
  reopen: (requestId: string, reason: string) =>
    api.post<void>(`/api/v1/desk/requests/${id(requestId)}/reopen`, { reason }),
  officeParts: () => api.get<{ items: OfficePartItem[] }>('/api/v1/desk/office/request-parts'),
};

export const requestAttachmentUrl = (requestId: string, attachmentId: string) =>
  `/api/v1/desk/requests/${id(requestId)}/attachments/${id(attachmentId)}`;
