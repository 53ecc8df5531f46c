//! What a check reads, named: each check declares the facts it reads (`reads: [GorgiasTicket]`),
//! and the run starts fetching the union of its checks' reads as soon as it begins. A read
//! knows its own inputs (a setting, the target, an earlier fact) and waits for nothing else,
//! so a run takes as long as its longest chain of truly dependent requests.

/// One fact a check can read. The vendor's name leads the variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Read {
    /// `GET /api/account`.
    GorgiasAccount,
    /// `GET /api/users/0`: the API key's user.
    GorgiasCurrentUser,
    /// `GET /api/users/{ai_user_id}`.
    GorgiasAiUser,
    /// `GET /api/tickets/{ticket}`.
    GorgiasTicket,
    /// `GET /api/integrations?type=http`.
    GorgiasHttpIntegrations,
    /// `GET /api/teams/{team_id}`.
    GorgiasTeam,
    /// `GET /api/rules`.
    GorgiasRules,
    /// Recent tickets assigned to the AI user.
    GorgiasRecentTickets,
    /// `GET /me`.
    IntercomMe,
    /// `GET /conversations/{conversation}`.
    IntercomConversation,
    /// `GET /admins/{ai_admin_id}`.
    IntercomAiAdmin,
    /// Recent conversations (the first page).
    IntercomRecentConversations,
    /// `GET /data_attributes?model=conversation`.
    IntercomConversationAttributes,
    /// The conversation's contact's companies (after the conversation).
    IntercomContactCompanies,
    /// `GET /oauth/v1/access-tokens/{token}`.
    HubspotTokenInfo,
    /// The owners scope probe.
    HubspotOwnersProbe,
    /// The tickets scope probe.
    HubspotTicketsProbe,
    /// Threads with recent activity.
    HubspotRecentThreads,
    /// The app's webhook subscriptions and settings (developer API key).
    HubspotWebhooks,
    /// The owner behind the Default User ID.
    HubspotAiOwner,
    /// `GET /conversations/v3/conversations/threads/{thread}`.
    HubspotThread,
    /// The thread's messages.
    HubspotThreadMessages,
    /// The thread's associated contact (after the thread).
    HubspotThreadContact,
    /// The CRM contact with the session's email (after the session lookup, not its history).
    HubspotContactByEmail,
    /// Sessions updated in the last hour (proves the OpenCX key).
    OpencxRecentSessions,
    /// The target's OpenCX sessions with their history.
    SessionEvidence,
}
