//! The embedded roadmap holds the whole source roadmap, word for word.
//!
//! The expected lists below are copied from the source text (`python-roadmap.txt`), without
//! its decorative emoji, so a lost or reworded item fails here.

use study_planner::roadmap::{self, ResourceKind};

struct ExpectedPhase {
    number: u32,
    title: &'static str,
    goal: &'static str,
    heading: &'static str,
    topics: &'static [&'static str],
    hands_on: &'static [&'static str],
    resources: &'static [&'static str],
    months: (f32, f32),
    optional: bool,
    short_title: &'static str,
}

const PHASES: &[ExpectedPhase] = &[
    ExpectedPhase {
        number: 1,
        title: "Advanced Python & Best Practices",
        goal: "Master Python’s advanced features to write clean, efficient, and scalable code.",
        heading: "Key Topics to Cover",
        topics: &[
            "Advanced OOP (Inheritance, Metaclasses, Design Patterns)",
            "Multithreading, Multiprocessing, Async Programming (asyncio)",
            "Dependency Injection in Python",
            "Type Hinting & Static Type Checking (mypy)",
            "Python Logging, Exception Handling, and Debugging",
        ],
        hands_on: &[
            "Convert an existing .NET microservice to FastAPI in Python",
            "Implement Design Patterns (Factory, Singleton, Strategy) in Python",
        ],
        resources: &["Effective Python: Best Practices", "AsyncIO Guide"],
        months: (1.0, 2.0),
        optional: false,
        short_title: "Advanced Python",
    },
    ExpectedPhase {
        number: 2,
        title: "Backend Development with Python",
        goal: "Build scalable, real-time, and high-performance APIs using Python frameworks.",
        heading: "Key Backend Technologies",
        topics: &[
            "FastAPI (Modern Python API Framework - Async & High Performance)",
            "Django / Flask (For large-scale web applications)",
            "Celery & Redis (Task Queues for Background Jobs)",
            "Database ORM: SQLAlchemy (for PostgreSQL, MySQL)",
            "Authentication: OAuth2, JWT, Session-Based Auth",
            "WebSockets (Realtime Communication): FastAPI WebSockets, Django Channels",
        ],
        hands_on: &[
            "Build a FastAPI-based microservice for handling user authentication & roles",
            "Implement JWT authentication in a Flask/Django app",
            "Develop a Celery-based background task system (e.g., Email processing)",
        ],
        resources: &["FastAPI Docs", "Django REST Framework"],
        months: (2.0, 3.0),
        optional: false,
        short_title: "Backend Development",
    },
    ExpectedPhase {
        number: 3,
        title: "Database, Caching & Scalable Storage",
        goal: "Design scalable, efficient, and secure data storage solutions.",
        heading: "Key Database Topics",
        topics: &[
            "SQL Databases – PostgreSQL, MySQL, SQLAlchemy ORM",
            "NoSQL Databases – MongoDB (Pymongo), Cassandra",
            "Vector Databases – FAISS, Pinecone (for AI-powered search)",
            "Caching & Performance Optimization – Redis, Memcached",
        ],
        hands_on: &[
            "Implement Database Sharding & Indexing in PostgreSQL",
            "Store & retrieve AI embeddings using FAISS (Vector Search)",
            "Use Redis caching to reduce API response time",
        ],
        resources: &[
            "PostgreSQL Indexing Best Practices",
            "Redis Caching Patterns",
        ],
        months: (1.0, 2.0),
        optional: false,
        short_title: "Database & Caching",
    },
    ExpectedPhase {
        number: 4,
        title: "Frontend with Python",
        goal: "Learn how to build interactive frontends using Python frameworks.",
        heading: "Key Frontend Technologies in Python",
        topics: &[
            "Django + HTMX – Server-side interactive UIs",
            "Streamlit / Dash – Data-driven web apps",
            "PyScript – Run Python in the browser",
            "Full-Stack Option: React + FastAPI/Django (Best for scalable frontend-backend architecture)",
        ],
        hands_on: &[
            "Create a Streamlit-based dashboard for analytics",
            "Build a FastAPI + React full-stack web app",
        ],
        resources: &["HTMX & Django", "Streamlit Docs"],
        months: (1.0, 2.0),
        optional: true,
        short_title: "Frontend",
    },
    ExpectedPhase {
        number: 5,
        title: "AI & Machine Learning Integration",
        goal: "Enhance enterprise applications with AI, NLP, and vector search.",
        heading: "Key AI Technologies",
        topics: &[
            "Machine Learning Frameworks: Scikit-learn, TensorFlow, PyTorch",
            "LLM Integration: OpenAI, Hugging Face, LangChain",
            "Vector Search: FAISS, Pinecone for AI memory & search",
            "AI-Powered Chatbots & Copilots",
        ],
        hands_on: &[
            "Implement AI-powered search using FAISS + FastAPI",
            "Build a Chatbot with OpenAI API + LangChain",
        ],
        resources: &["Hugging Face Models", "LangChain Docs"],
        months: (2.0, 3.0),
        optional: true,
        short_title: "AI & ML Integration",
    },
    ExpectedPhase {
        number: 6,
        title: "DevOps, Cloud & Production Deployment",
        goal: "Deploy Python applications at scale on cloud platforms.",
        heading: "Key DevOps & Cloud Technologies",
        topics: &[
            "Docker & Kubernetes (Containerization & Orchestration)",
            "CI/CD Pipelines: GitHub Actions, Azure DevOps",
            "Cloud Platforms: AWS (Lambda, S3, EC2), Azure, GCP",
            "Logging & Monitoring: Prometheus, Grafana, ELK Stack",
            "Serverless Computing: AWS Lambda, Azure Functions",
        ],
        hands_on: &[
            "Deploy a FastAPI app using Docker & Kubernetes",
            "Set up CI/CD pipelines for automated deployments",
            "Monitor logs using ELK Stack (Elasticsearch, Logstash, Kibana)",
        ],
        resources: &["Docker for Python Developers", "AWS Lambda Python Guide"],
        months: (2.0, 3.0),
        optional: false,
        short_title: "DevOps & Cloud Deployment",
    },
];

#[test]
fn embedded_roadmap_loads_and_validates() {
    let roadmap = roadmap::parse_roadmap(roadmap::EMBEDDED_RON, "roadmap.ron")
        .unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(roadmap.id, "python-enterprise");
    assert_eq!(roadmap.title, "Python Enterprise Development Roadmap");
    assert_eq!(roadmap.hours_per_week, 10.0);
}

#[test]
fn every_phase_is_there_word_for_word() {
    let roadmap = roadmap::embedded();
    assert_eq!(roadmap.phases.len(), PHASES.len());
    for (phase, expected) in roadmap.phases.iter().zip(PHASES) {
        assert_eq!(phase.number, expected.number);
        assert_eq!(phase.title, expected.title);
        assert_eq!(phase.goal, expected.goal);
        assert_eq!(phase.short_title(), expected.short_title);
        assert_eq!(phase.optional, expected.optional, "{}", phase.title);
        assert_eq!(
            (phase.duration_months.min, phase.duration_months.max),
            expected.months,
            "{}",
            phase.title
        );
        assert_eq!(phase.topic_groups.len(), 1);
        assert_eq!(phase.topic_groups[0].heading, expected.heading);
        let topics: Vec<&str> = phase.topic_groups[0]
            .topics
            .iter()
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(topics, expected.topics);
        let hands_on: Vec<&str> = phase.hands_on.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(hands_on, expected.hands_on);
        let resources: Vec<&str> = phase.resources.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(resources, expected.resources);
    }
}

#[test]
fn every_resource_has_a_specific_https_url() {
    let roadmap = roadmap::embedded();
    let mut urls = std::collections::HashSet::new();
    for resource in roadmap.phases.iter().flat_map(|p| &p.resources) {
        assert!(
            resource.url.starts_with("https://"),
            "{}: {}",
            resource.title,
            resource.url
        );
        assert!(urls.insert(&resource.url), "{} is used twice", resource.url);
    }
    assert_eq!(urls.len(), 12);
    let kinds: Vec<ResourceKind> = roadmap
        .phases
        .iter()
        .flat_map(|p| &p.resources)
        .map(|r| r.kind)
        .collect();
    assert!(kinds.contains(&ResourceKind::Book));
    assert!(kinds.contains(&ResourceKind::Docs));
    assert!(kinds.contains(&ResourceKind::Guide));
}

#[test]
fn final_project_and_summary_are_there() {
    let roadmap = roadmap::embedded();
    let project = roadmap.final_project.as_ref().expect("final project");
    assert_eq!(project.title, "Full-Stack Python Enterprise Application");
    assert_eq!(project.short_title(), "Final Full-Stack Project");
    assert_eq!(
        (project.duration_months.min, project.duration_months.max),
        (1.0, 2.0)
    );
    let stack: Vec<&str> = project.tech_stack.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        stack,
        [
            "Backend: FastAPI + PostgreSQL + Celery + Redis",
            "Frontend: React or Django + HTMX",
            "AI Features: Chatbot or AI-based search with LangChain & FAISS",
            "Deployment: Docker + Kubernetes + AWS/Azure",
        ]
    );
    let ideas: Vec<&str> = project.ideas.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(
        ideas,
        [
            "AI-powered Helpdesk System (Real-time chat + AI suggestions)",
            "Enterprise Dashboard with Realtime Analytics (FastAPI + Streamlit)",
            "AI-powered Document Retrieval System (LangChain + Vector Search)",
        ]
    );
    let summary = roadmap.summary.as_ref().expect("summary");
    assert_eq!(
        summary.heading,
        "Summary: Your Python Enterprise Development Roadmap"
    );
    assert_eq!(summary.points.len(), 5);
    assert_eq!(
        summary.points[4],
        "Complete a full enterprise project and monetize your skills"
    );
}

#[test]
fn total_estimate_is_computed() {
    let roadmap = roadmap::embedded();
    assert_eq!(
        roadmap.estimate_text(),
        "10–17 months; 7–12 without optional phases"
    );
    // The final project: 4 tech stack items and its 3 alternative ideas as one.
    assert_eq!(roadmap.item_count(), 28 + 15 + 4 + 1);
}

#[test]
fn embedded_text_is_clean() {
    let text = roadmap::EMBEDDED_RON;
    for c in text.chars() {
        let code = c as u32;
        assert!(
            !(0x1F000..=0x1FFFF).contains(&code) && !(0x2600..=0x27BF).contains(&code),
            "decorative emoji {c:?} in roadmap.ron"
        );
    }
    assert!(text.contains("Python’s"));
    assert!(text.contains("–"));
    assert!(!text.contains('\u{FFFD}'));
}

#[test]
fn the_documented_example_is_valid() {
    let doc = include_str!("../docs/roadmap-format.md");
    let start = doc.find("```ron\n").expect("example in the doc") + "```ron\n".len();
    let end = start + doc[start..].find("```").expect("end of example");
    let roadmap =
        roadmap::parse_roadmap(&doc[start..end], "docs example").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(roadmap.id, "rust-basics");
    // Two ideas to choose from count as one item.
    assert_eq!(roadmap.item_count(), 5);
    assert_eq!(roadmap.items().count(), 6);
    // The example shows format 2: a topic with its own resource, beside the phase's.
    assert_eq!(roadmap.format, roadmap::FORMAT_VERSION);
    let borrows = roadmap
        .items()
        .find(|item| item.item.id == "borrows")
        .expect("the borrows topic");
    assert_eq!(borrows.item.resources.len(), 1);
    assert_eq!(borrows.item.resources[0].kind, roadmap::ResourceKind::Book);
    assert_eq!(roadmap.resource_count(), 2);
}
