-- Schéma de la base « Textiles Marceau SAS » (entreprise fictive) pour DuckDB.
-- Tables dans l'ordre de chargement : une table mère avant ses tables filles.
-- Chargement : pour chaque table, COPY t FROM 'data/t.csv' (HEADER, DELIMITER ',')
-- sauf import_salon : (HEADER, DELIMITER ';').
-- Montants en euros, DECIMAL(12,2) ; dates au format AAAA-MM-JJ.
--
-- Limite de DuckDB : dans une table référencée par une autre (clients, prospects,
-- commandes…), un UPDATE d'une colonne indexée (clé étrangère, UNIQUE) est exécuté
-- comme une suppression suivie d'une insertion, que la clé étrangère de la table
-- fille refuse. Les colonnes qu'un commercial met réellement à jour (commercial
-- attitré, client issu d'un prospect converti, courriel) ne portent donc pas de
-- contrainte REFERENCES ou UNIQUE ici ; leur cohérence est vérifiée par les tests
-- du jeu de données (tests/test_jeu_de_donnees.py) et expliquée dans data/README.md.

CREATE TABLE commerciaux (
    id_commercial       INTEGER PRIMARY KEY,
    nom                 VARCHAR NOT NULL,
    prenom              VARCHAR NOT NULL,
    secteur             VARCHAR NOT NULL,
    departements        VARCHAR,
    date_embauche       DATE NOT NULL,
    objectif_ca_annuel  DECIMAL(12,2) NOT NULL CHECK (objectif_ca_annuel >= 0),
    email               VARCHAR NOT NULL,
    telephone           VARCHAR,
    telephone_fixe      VARCHAR,
    ville_base          VARCHAR NOT NULL,
    latitude_base       DOUBLE NOT NULL,
    longitude_base      DOUBLE NOT NULL
);

CREATE TABLE clients (
    id_client           INTEGER PRIMARY KEY,
    type_client         VARCHAR NOT NULL CHECK (type_client IN ('professionnel', 'particulier')),
    raison_sociale      VARCHAR,
    civilite            VARCHAR NOT NULL CHECK (civilite IN ('M.', 'Mme')),
    nom                 VARCHAR NOT NULL,
    prenom              VARCHAR NOT NULL,
    secteur_activite    VARCHAR CHECK (secteur_activite IN ('boutique de souvenirs', 'hôtel', 'CSE',
                                                            'grande distribution', 'détaillant')),
    adresse             VARCHAR NOT NULL,
    code_postal         VARCHAR(5) NOT NULL CHECK (regexp_full_match(code_postal, '[0-9]{5}')),
    ville               VARCHAR NOT NULL,
    departement         VARCHAR NOT NULL,
    latitude            DOUBLE NOT NULL CHECK (latitude BETWEEN 41 AND 52),
    longitude           DOUBLE NOT NULL CHECK (longitude BETWEEN -5.5 AND 10),
    email               VARCHAR,
    telephone           VARCHAR,
    date_creation       DATE NOT NULL,
    canal_acquisition   VARCHAR NOT NULL CHECK (canal_acquisition IN ('prospection terrain', 'salon',
                            'site web', 'recommandation', 'campagne', 'magasin d''usine')),
    conditions_paiement VARCHAR NOT NULL CHECK (conditions_paiement IN ('comptant', '30 jours',
                            '45 jours fin de mois', '60 jours')),
    plafond_credit      DECIMAL(12,2) CHECK (plafond_credit >= 0),
    optin_email         BOOLEAN NOT NULL,
    optin_sms           BOOLEAN NOT NULL,
    id_commercial       INTEGER,  -- → commerciaux (id_commercial), non contrainte : voir en tête
    -- Un particulier n'a ni raison sociale ni secteur d'activité ; un professionnel a les deux.
    CHECK ((type_client = 'professionnel') = (raison_sociale IS NOT NULL AND secteur_activite IS NOT NULL))
);

CREATE TABLE prospects (
    id_prospect          INTEGER PRIMARY KEY,
    raison_sociale       VARCHAR NOT NULL,
    secteur_activite     VARCHAR NOT NULL CHECK (secteur_activite IN ('boutique de souvenirs', 'hôtel',
                                                 'CSE', 'grande distribution', 'détaillant')),
    civilite             VARCHAR NOT NULL CHECK (civilite IN ('M.', 'Mme')),
    contact_nom          VARCHAR NOT NULL,
    contact_prenom       VARCHAR NOT NULL,
    email                VARCHAR,
    telephone            VARCHAR,
    adresse              VARCHAR NOT NULL,
    code_postal          VARCHAR(5) NOT NULL CHECK (regexp_full_match(code_postal, '[0-9]{5}')),
    ville                VARCHAR NOT NULL,
    departement          VARCHAR NOT NULL,
    latitude             DOUBLE NOT NULL CHECK (latitude BETWEEN 41 AND 52),
    longitude            DOUBLE NOT NULL CHECK (longitude BETWEEN -5.5 AND 10),
    origine              VARCHAR NOT NULL CHECK (origine IN ('salon', 'site web', 'fichier acheté',
                                                 'recommandation', 'prospection terrain', 'campagne')),
    effectif_salaries    INTEGER NOT NULL CHECK (effectif_salaries > 0),
    ca_potentiel_annuel  DECIMAL(12,2) NOT NULL CHECK (ca_potentiel_annuel >= 0),
    nb_contacts          INTEGER NOT NULL CHECK (nb_contacts >= 1),
    nb_visites           INTEGER NOT NULL CHECK (nb_visites >= 0),
    date_premier_contact DATE NOT NULL,
    statut               VARCHAR NOT NULL CHECK (statut IN ('nouveau', 'en cours', 'converti', 'perdu')),
    date_conversion      DATE,
    id_client            INTEGER,  -- → clients (id_client), non contrainte : voir en tête
    id_commercial        INTEGER NOT NULL,  -- → commerciaux (id_commercial), idem
    CHECK (nb_visites <= nb_contacts),
    -- Seul un prospect converti a une date de conversion et un client associé.
    CHECK ((statut = 'converti') = (date_conversion IS NOT NULL AND id_client IS NOT NULL)),
    CHECK (date_conversion IS NULL OR date_conversion >= date_premier_contact)
);

CREATE TABLE produits (
    id_produit      INTEGER PRIMARY KEY,
    reference       VARCHAR NOT NULL UNIQUE,
    designation     VARCHAR NOT NULL,
    famille         VARCHAR NOT NULL CHECK (famille IN ('serviettes éponge', 'peignoirs', 'linge de lit',
                        'plaids', 'chaussons', 'parapluies sous licence', 'linge de table')),
    gamme           VARCHAR NOT NULL CHECK (gamme IN ('essentiel', 'confort', 'prestige')),
    prix_vente_ht   DECIMAL(12,2) NOT NULL CHECK (prix_vente_ht > 0),
    cout_achat_ht   DECIMAL(12,2) NOT NULL CHECK (cout_achat_ht > 0),
    taux_tva        DOUBLE NOT NULL CHECK (taux_tva IN (0.055, 0.10, 0.20)),
    stock           INTEGER NOT NULL CHECK (stock >= 0),
    seuil_reappro   INTEGER NOT NULL CHECK (seuil_reappro >= 0),
    date_lancement  DATE NOT NULL,
    date_arret      DATE,
    actif           BOOLEAN NOT NULL,
    CHECK (cout_achat_ht < prix_vente_ht),
    CHECK (actif = (date_arret IS NULL))
);

CREATE TABLE commandes (
    id_commande     INTEGER PRIMARY KEY,
    id_client       INTEGER NOT NULL REFERENCES clients (id_client),
    id_commercial   INTEGER,  -- → commerciaux (id_commercial), non contrainte : voir en tête
    date_commande   DATE NOT NULL,
    canal           VARCHAR NOT NULL CHECK (canal IN ('commercial', 'e-boutique', 'salon',
                        'magasin d''usine', 'téléphone')),
    statut          VARCHAR NOT NULL CHECK (statut IN ('livrée', 'en cours', 'annulée')),
    montant_ht      DECIMAL(12,2) NOT NULL CHECK (montant_ht >= 0),
    date_livraison  DATE,
    CHECK ((statut = 'livrée') = (date_livraison IS NOT NULL)),
    CHECK (date_livraison IS NULL OR date_livraison >= date_commande)
);

CREATE TABLE lignes_commande (
    id_ligne          INTEGER PRIMARY KEY,
    id_commande       INTEGER NOT NULL REFERENCES commandes (id_commande),
    id_produit        INTEGER NOT NULL REFERENCES produits (id_produit),
    quantite          INTEGER NOT NULL CHECK (quantite > 0),
    prix_unitaire_ht  DECIMAL(12,2) NOT NULL CHECK (prix_unitaire_ht > 0),
    taux_remise       DOUBLE NOT NULL CHECK (taux_remise BETWEEN 0 AND 0.3),
    montant_ht        DECIMAL(12,2) NOT NULL CHECK (montant_ht >= 0)
);

CREATE TABLE factures (
    id_facture     INTEGER PRIMARY KEY,
    id_commande    INTEGER NOT NULL UNIQUE REFERENCES commandes (id_commande),
    id_client      INTEGER NOT NULL REFERENCES clients (id_client),
    date_facture   DATE NOT NULL,
    date_echeance  DATE NOT NULL,
    montant_ht     DECIMAL(12,2) NOT NULL CHECK (montant_ht >= 0),
    montant_tva    DECIMAL(12,2) NOT NULL CHECK (montant_tva >= 0),
    montant_ttc    DECIMAL(12,2) NOT NULL,
    statut         VARCHAR NOT NULL CHECK (statut IN ('réglée', 'partiellement réglée', 'non échue',
                       'impayée', 'contentieux')),
    CHECK (montant_ttc = montant_ht + montant_tva),
    CHECK (date_echeance >= date_facture)
);

CREATE TABLE reglements (
    id_reglement    INTEGER PRIMARY KEY,
    id_facture      INTEGER NOT NULL REFERENCES factures (id_facture),
    date_reglement  DATE NOT NULL,
    montant         DECIMAL(12,2) NOT NULL CHECK (montant > 0),
    mode            VARCHAR NOT NULL CHECK (mode IN ('virement', 'chèque', 'carte bancaire', 'LCR',
                        'prélèvement', 'espèces'))
);

CREATE TABLE relances (
    id_relance    INTEGER PRIMARY KEY,
    id_facture    INTEGER NOT NULL REFERENCES factures (id_facture),
    date_relance  DATE NOT NULL,
    niveau        INTEGER NOT NULL CHECK (niveau IN (1, 2, 3)),
    canal         VARCHAR NOT NULL CHECK (canal IN ('courriel', 'téléphone', 'courrier', 'mise en demeure'))
);

CREATE TABLE contacts (
    id_contact     INTEGER PRIMARY KEY,
    id_commercial  INTEGER NOT NULL REFERENCES commerciaux (id_commercial),
    id_client      INTEGER REFERENCES clients (id_client),
    id_prospect    INTEGER REFERENCES prospects (id_prospect),
    date_contact   DATE NOT NULL,
    type_contact   VARCHAR NOT NULL CHECK (type_contact IN ('visite', 'téléphone', 'courriel', 'salon')),
    objet          VARCHAR NOT NULL CHECK (objet IN ('prospection', 'suivi', 'négociation', 'SAV',
                       'fidélisation')),
    duree_minutes  INTEGER NOT NULL CHECK (duree_minutes > 0),
    km_parcourus   DOUBLE NOT NULL CHECK (km_parcourus >= 0),
    resultat       VARCHAR NOT NULL CHECK (resultat IN ('commande', 'rendez-vous obtenu', 'à relancer',
                       'sans suite')),
    -- Un contact concerne soit un client, soit un prospect, jamais les deux.
    CHECK ((id_client IS NULL) <> (id_prospect IS NULL)),
    CHECK (type_contact = 'visite' OR km_parcourus = 0)
);

CREATE TABLE campagnes (
    id_campagne       INTEGER PRIMARY KEY,
    nom               VARCHAR NOT NULL,
    media             VARCHAR NOT NULL CHECK (media IN ('presse professionnelle', 'courriel', 'SMS',
                          'publipostage', 'radio locale', 'réseaux sociaux', 'salon')),
    cible             VARCHAR NOT NULL,
    date_debut        DATE NOT NULL,
    date_fin          DATE NOT NULL,
    cout_ht           DECIMAL(12,2) NOT NULL CHECK (cout_ht > 0),
    population_cible  INTEGER NOT NULL CHECK (population_cible > 0),
    audience_utile    INTEGER NOT NULL CHECK (audience_utile >= 0),
    contacts_utiles   INTEGER NOT NULL,
    nb_retours        INTEGER NOT NULL CHECK (nb_retours >= 0),
    nb_commandes      INTEGER NOT NULL CHECK (nb_commandes >= 0),
    ca_genere_ht      DECIMAL(12,2) NOT NULL CHECK (ca_genere_ht >= 0),
    CHECK (date_fin >= date_debut),
    CHECK (audience_utile <= population_cible),
    CHECK (contacts_utiles >= audience_utile),
    CHECK (nb_commandes <= nb_retours)
);

CREATE TABLE reclamations (
    id_reclamation       INTEGER PRIMARY KEY,
    id_client            INTEGER NOT NULL REFERENCES clients (id_client),
    id_commande          INTEGER REFERENCES commandes (id_commande),
    date_reclamation     DATE NOT NULL,
    motif                VARCHAR NOT NULL CHECK (motif IN ('retard de livraison', 'produit défectueux',
                             'erreur de commande', 'facturation', 'qualité', 'service client')),
    canal                VARCHAR NOT NULL CHECK (canal IN ('courriel', 'téléphone', 'courrier',
                             'formulaire web', 'visite commercial')),
    date_cloture         DATE,
    statut               VARCHAR NOT NULL CHECK (statut IN ('ouverte', 'en cours', 'clôturée')),
    geste_commercial_ht  DECIMAL(12,2) NOT NULL CHECK (geste_commercial_ht >= 0),
    CHECK ((statut = 'clôturée') = (date_cloture IS NOT NULL)),
    CHECK (date_cloture IS NULL OR date_cloture >= date_reclamation)
);

CREATE TABLE enquetes_satisfaction (
    id_enquete           INTEGER PRIMARY KEY,
    id_client            INTEGER NOT NULL REFERENCES clients (id_client),
    date_enquete         DATE NOT NULL,
    note_recommandation  INTEGER NOT NULL CHECK (note_recommandation BETWEEN 0 AND 10),
    note_satisfaction    INTEGER NOT NULL CHECK (note_satisfaction BETWEEN 1 AND 5),
    commentaire          VARCHAR
);

CREATE TABLE stocks (
    mois         DATE NOT NULL CHECK (day(mois) = 1),
    famille      VARCHAR NOT NULL CHECK (famille IN ('serviettes éponge', 'peignoirs', 'linge de lit',
                     'plaids', 'chaussons', 'parapluies sous licence', 'linge de table')),
    stock_debut  DECIMAL(12,2) NOT NULL CHECK (stock_debut >= 0),
    entrees      DECIMAL(12,2) NOT NULL CHECK (entrees >= 0),
    sorties      DECIMAL(12,2) NOT NULL CHECK (sorties >= 0),
    stock_fin    DECIMAL(12,2) NOT NULL CHECK (stock_fin >= 0),
    PRIMARY KEY (mois, famille),
    CHECK (stock_fin = stock_debut + entrees - sorties)
);

-- Fichier brut reçu de l'organisateur du salon : tout est texte, rien n'est contrôlé.
CREATE TABLE import_salon (
    id_ligne        VARCHAR,
    raison_sociale  VARCHAR,
    contact_nom     VARCHAR,
    contact_prenom  VARCHAR,
    email           VARCHAR,
    telephone       VARCHAR,
    code_postal     VARCHAR,
    ville           VARCHAR,
    secteur         VARCHAR,
    commentaire     VARCHAR
);

-- ---------------------------------------------------------------------------
-- Commentaires (dictionnaire des données)
-- ---------------------------------------------------------------------------

COMMENT ON TABLE commerciaux IS 'Force de vente de Textiles Marceau : un commercial par territoire, plus une chargée des grands comptes.';
COMMENT ON COLUMN commerciaux.id_commercial IS 'Identifiant du commercial (clé primaire).';
COMMENT ON COLUMN commerciaux.nom IS 'Nom de famille du commercial.';
COMMENT ON COLUMN commerciaux.prenom IS 'Prénom du commercial.';
COMMENT ON COLUMN commerciaux.secteur IS 'Territoire commercial (ex. Paris Centre, Grand Est, Grands comptes).';
COMMENT ON COLUMN commerciaux.departements IS 'Codes des départements du territoire, séparés par des points-virgules (ex. 59;62) ; vide pour les grands comptes (national).';
COMMENT ON COLUMN commerciaux.date_embauche IS 'Date d''embauche du commercial.';
COMMENT ON COLUMN commerciaux.objectif_ca_annuel IS 'Objectif de chiffre d''affaires de l''année en cours (2026), en euros HT.';
COMMENT ON COLUMN commerciaux.email IS 'Adresse électronique professionnelle (fictive).';
COMMENT ON COLUMN commerciaux.telephone IS 'Téléphone mobile professionnel (numéro fictif réservé par l''ARCEP).';
COMMENT ON COLUMN commerciaux.telephone_fixe IS 'Ligne fixe du bureau de rattachement (numéro fictif).';
COMMENT ON COLUMN commerciaux.ville_base IS 'Ville de rattachement, point de départ des tournées.';
COMMENT ON COLUMN commerciaux.latitude_base IS 'Latitude de la ville de rattachement, en degrés décimaux (WGS 84).';
COMMENT ON COLUMN commerciaux.longitude_base IS 'Longitude de la ville de rattachement, en degrés décimaux (WGS 84).';

COMMENT ON TABLE clients IS 'Portefeuille clients : professionnels (boutiques de souvenirs, hôtels, CSE, grande distribution, détaillants) et particuliers.';
COMMENT ON COLUMN clients.id_client IS 'Identifiant du client (clé primaire), attribué dans l''ordre de création.';
COMMENT ON COLUMN clients.type_client IS 'professionnel ou particulier.';
COMMENT ON COLUMN clients.raison_sociale IS 'Nom de l''entreprise cliente ; vide (NULL) pour un particulier.';
COMMENT ON COLUMN clients.civilite IS 'Civilité du client ou de l''interlocuteur (M. ou Mme).';
COMMENT ON COLUMN clients.nom IS 'Nom du particulier, ou de l''interlocuteur chez le professionnel.';
COMMENT ON COLUMN clients.prenom IS 'Prénom du particulier, ou de l''interlocuteur chez le professionnel.';
COMMENT ON COLUMN clients.secteur_activite IS 'Secteur du professionnel : boutique de souvenirs, hôtel, CSE, grande distribution, détaillant ; NULL pour un particulier.';
COMMENT ON COLUMN clients.adresse IS 'Numéro et voie (rues réelles, numéros fictifs).';
COMMENT ON COLUMN clients.code_postal IS 'Code postal sur 5 caractères (texte, pour garder le zéro initial).';
COMMENT ON COLUMN clients.ville IS 'Commune.';
COMMENT ON COLUMN clients.departement IS 'Code du département (texte : 59, 02, 2A…).';
COMMENT ON COLUMN clients.latitude IS 'Latitude approchée de l''adresse, en degrés décimaux (WGS 84).';
COMMENT ON COLUMN clients.longitude IS 'Longitude approchée de l''adresse, en degrés décimaux (WGS 84).';
COMMENT ON COLUMN clients.email IS 'Adresse électronique (domaine réservé, fictive) ; parfois absente.';
COMMENT ON COLUMN clients.telephone IS 'Téléphone (numéro fictif réservé par l''ARCEP) ; parfois absent.';
COMMENT ON COLUMN clients.date_creation IS 'Date d''ouverture du compte client (première commande pour un particulier, conversion pour un prospect).';
COMMENT ON COLUMN clients.canal_acquisition IS 'Canal par lequel le client a été conquis.';
COMMENT ON COLUMN clients.conditions_paiement IS 'Délai de paiement accordé : comptant, 30 jours, 45 jours fin de mois, 60 jours (à compter de la date de facture).';
COMMENT ON COLUMN clients.plafond_credit IS 'Encours maximal autorisé (créances non réglées), en euros TTC ; NULL pour un particulier.';
COMMENT ON COLUMN clients.optin_email IS 'Consentement à recevoir des offres par courriel (vrai/faux).';
COMMENT ON COLUMN clients.optin_sms IS 'Consentement à recevoir des offres par SMS (vrai/faux).';
COMMENT ON COLUMN clients.id_commercial IS 'Commercial responsable du compte (clé étrangère vers commerciaux) ; NULL pour les particuliers.';

COMMENT ON TABLE prospects IS 'Prospects professionnels suivis depuis 2022, avec leur origine, l''effort commercial et l''issue (converti, perdu ou en cours).';
COMMENT ON COLUMN prospects.id_prospect IS 'Identifiant du prospect (clé primaire), dans l''ordre du premier contact.';
COMMENT ON COLUMN prospects.raison_sociale IS 'Nom de l''entreprise prospectée.';
COMMENT ON COLUMN prospects.secteur_activite IS 'Secteur : boutique de souvenirs, hôtel, CSE, grande distribution, détaillant.';
COMMENT ON COLUMN prospects.civilite IS 'Civilité de l''interlocuteur (M. ou Mme).';
COMMENT ON COLUMN prospects.contact_nom IS 'Nom de l''interlocuteur.';
COMMENT ON COLUMN prospects.contact_prenom IS 'Prénom de l''interlocuteur.';
COMMENT ON COLUMN prospects.email IS 'Adresse électronique de l''interlocuteur (fictive).';
COMMENT ON COLUMN prospects.telephone IS 'Téléphone (numéro fictif réservé par l''ARCEP).';
COMMENT ON COLUMN prospects.adresse IS 'Numéro et voie.';
COMMENT ON COLUMN prospects.code_postal IS 'Code postal sur 5 caractères.';
COMMENT ON COLUMN prospects.ville IS 'Commune.';
COMMENT ON COLUMN prospects.departement IS 'Code du département.';
COMMENT ON COLUMN prospects.latitude IS 'Latitude approchée, en degrés décimaux (WGS 84).';
COMMENT ON COLUMN prospects.longitude IS 'Longitude approchée, en degrés décimaux (WGS 84).';
COMMENT ON COLUMN prospects.origine IS 'Origine du prospect : salon, site web, fichier acheté, recommandation, prospection terrain, campagne.';
COMMENT ON COLUMN prospects.effectif_salaries IS 'Nombre de salariés (pour un CSE : de l''entreprise), en personnes.';
COMMENT ON COLUMN prospects.ca_potentiel_annuel IS 'Chiffre d''affaires annuel espéré estimé par le commercial, en euros HT.';
COMMENT ON COLUMN prospects.nb_contacts IS 'Nombre de contacts (tous types) enregistrés à la date d''arrêté ; égal au nombre de lignes de contacts du prospect.';
COMMENT ON COLUMN prospects.nb_visites IS 'Nombre de visites sur place parmi ces contacts.';
COMMENT ON COLUMN prospects.date_premier_contact IS 'Date du premier contact.';
COMMENT ON COLUMN prospects.statut IS 'nouveau (un seul contact), en cours, converti (devenu client) ou perdu, à la date d''arrêté.';
COMMENT ON COLUMN prospects.date_conversion IS 'Date de la première commande du prospect converti ; NULL sinon.';
COMMENT ON COLUMN prospects.id_client IS 'Client créé à la conversion (clé étrangère vers clients) ; NULL sinon.';
COMMENT ON COLUMN prospects.id_commercial IS 'Commercial chargé du prospect (clé étrangère vers commerciaux).';

COMMENT ON TABLE produits IS 'Catalogue : serviettes éponge, peignoirs, linge de lit, plaids, chaussons, parapluies sous licence, linge de table.';
COMMENT ON COLUMN produits.id_produit IS 'Identifiant du produit (clé primaire).';
COMMENT ON COLUMN produits.reference IS 'Référence catalogue unique (TM-famille-numéro).';
COMMENT ON COLUMN produits.designation IS 'Désignation commerciale.';
COMMENT ON COLUMN produits.famille IS 'Famille de produits.';
COMMENT ON COLUMN produits.gamme IS 'Gamme : essentiel, confort ou prestige.';
COMMENT ON COLUMN produits.prix_vente_ht IS 'Prix de vente unitaire du tarif 2026, en euros HT (avant remise).';
COMMENT ON COLUMN produits.cout_achat_ht IS 'Coût de revient (ou d''achat) unitaire 2026, en euros HT.';
COMMENT ON COLUMN produits.taux_tva IS 'Taux de TVA applicable, en décimal (0.2 = 20 %).';
COMMENT ON COLUMN produits.stock IS 'Stock disponible à la date d''arrêté, en unités.';
COMMENT ON COLUMN produits.seuil_reappro IS 'Seuil de réapprovisionnement (stock d''alerte), en unités.';
COMMENT ON COLUMN produits.date_lancement IS 'Date de mise au catalogue.';
COMMENT ON COLUMN produits.date_arret IS 'Date de retrait du catalogue ; NULL si le produit est toujours vendu.';
COMMENT ON COLUMN produits.actif IS 'Vrai si le produit est encore au catalogue.';

COMMENT ON TABLE commandes IS 'En-têtes de commandes depuis le 1er janvier 2022 ; le montant est la somme des lignes.';
COMMENT ON COLUMN commandes.id_commande IS 'Identifiant de la commande (clé primaire), dans l''ordre chronologique.';
COMMENT ON COLUMN commandes.id_client IS 'Client qui commande (clé étrangère vers clients).';
COMMENT ON COLUMN commandes.id_commercial IS 'Commercial qui a pris la commande ; NULL pour l''e-boutique, le magasin d''usine et les particuliers.';
COMMENT ON COLUMN commandes.date_commande IS 'Date de la commande.';
COMMENT ON COLUMN commandes.canal IS 'Canal de vente : commercial, e-boutique, salon, magasin d''usine, téléphone.';
COMMENT ON COLUMN commandes.statut IS 'livrée, en cours (pas encore livrée à la date d''arrêté) ou annulée.';
COMMENT ON COLUMN commandes.montant_ht IS 'Montant total de la commande, en euros HT, remises déduites (somme des lignes).';
COMMENT ON COLUMN commandes.date_livraison IS 'Date de livraison ; NULL si la commande est en cours ou annulée.';

COMMENT ON TABLE lignes_commande IS 'Lignes de commande : un produit, une quantité, un prix et une remise.';
COMMENT ON COLUMN lignes_commande.id_ligne IS 'Identifiant de la ligne (clé primaire).';
COMMENT ON COLUMN lignes_commande.id_commande IS 'Commande (clé étrangère vers commandes).';
COMMENT ON COLUMN lignes_commande.id_produit IS 'Produit (clé étrangère vers produits).';
COMMENT ON COLUMN lignes_commande.quantite IS 'Quantité commandée, en unités (strictement positive).';
COMMENT ON COLUMN lignes_commande.prix_unitaire_ht IS 'Prix unitaire du tarif de l''année de la commande, en euros HT.';
COMMENT ON COLUMN lignes_commande.taux_remise IS 'Taux de remise accordé, en décimal (0.05 = 5 %), entre 0 et 0.3.';
COMMENT ON COLUMN lignes_commande.montant_ht IS 'Montant de la ligne = quantité × prix unitaire × (1 − remise), arrondi au centime, en euros HT.';

COMMENT ON TABLE factures IS 'Factures : une par commande non annulée, émise à l''expédition.';
COMMENT ON COLUMN factures.id_facture IS 'Numéro de facture (clé primaire), chronologique.';
COMMENT ON COLUMN factures.id_commande IS 'Commande facturée (clé étrangère vers commandes, unique).';
COMMENT ON COLUMN factures.id_client IS 'Client facturé (clé étrangère vers clients).';
COMMENT ON COLUMN factures.date_facture IS 'Date d''émission de la facture.';
COMMENT ON COLUMN factures.date_echeance IS 'Date limite de paiement selon les conditions du client (45 jours fin de mois = fin du mois de la date de facture + 45 jours).';
COMMENT ON COLUMN factures.montant_ht IS 'Montant hors taxes, en euros.';
COMMENT ON COLUMN factures.montant_tva IS 'Montant de la TVA (20 % du HT, arrondi au centime), en euros.';
COMMENT ON COLUMN factures.montant_ttc IS 'Montant toutes taxes comprises = HT + TVA, en euros.';
COMMENT ON COLUMN factures.statut IS 'Situation à la date d''arrêté : réglée, partiellement réglée, non échue, impayée (échue, rien reçu), contentieux (impayée plus de 30 jours après la mise en demeure).';

COMMENT ON TABLE reglements IS 'Encaissements reçus des clients ; une facture peut être réglée en plusieurs fois.';
COMMENT ON COLUMN reglements.id_reglement IS 'Identifiant du règlement (clé primaire).';
COMMENT ON COLUMN reglements.id_facture IS 'Facture réglée (clé étrangère vers factures).';
COMMENT ON COLUMN reglements.date_reglement IS 'Date d''encaissement.';
COMMENT ON COLUMN reglements.montant IS 'Montant encaissé, en euros TTC.';
COMMENT ON COLUMN reglements.mode IS 'Mode de paiement : virement, chèque, carte bancaire, LCR, prélèvement, espèces.';

COMMENT ON TABLE relances IS 'Relances des factures échues non réglées : niveau 1 (courriel), 2 (téléphone ou courrier), 3 (mise en demeure).';
COMMENT ON COLUMN relances.id_relance IS 'Identifiant de la relance (clé primaire).';
COMMENT ON COLUMN relances.id_facture IS 'Facture relancée (clé étrangère vers factures).';
COMMENT ON COLUMN relances.date_relance IS 'Date d''envoi de la relance.';
COMMENT ON COLUMN relances.niveau IS 'Niveau de relance : 1, 2 ou 3.';
COMMENT ON COLUMN relances.canal IS 'Moyen utilisé : courriel, téléphone, courrier, mise en demeure.';

COMMENT ON TABLE contacts IS 'Activité de la force de vente : visites, appels, courriels et rencontres en salon, auprès de clients ou de prospects.';
COMMENT ON COLUMN contacts.id_contact IS 'Identifiant du contact (clé primaire), dans l''ordre chronologique.';
COMMENT ON COLUMN contacts.id_commercial IS 'Commercial qui a eu le contact (clé étrangère vers commerciaux).';
COMMENT ON COLUMN contacts.id_client IS 'Client contacté (clé étrangère vers clients) ; NULL s''il s''agit d''un prospect.';
COMMENT ON COLUMN contacts.id_prospect IS 'Prospect contacté (clé étrangère vers prospects) ; NULL s''il s''agit d''un client.';
COMMENT ON COLUMN contacts.date_contact IS 'Date du contact.';
COMMENT ON COLUMN contacts.type_contact IS 'visite, téléphone, courriel ou salon.';
COMMENT ON COLUMN contacts.objet IS 'Objet : prospection, suivi, négociation, SAV, fidélisation.';
COMMENT ON COLUMN contacts.duree_minutes IS 'Durée du contact (temps passé), en minutes.';
COMMENT ON COLUMN contacts.km_parcourus IS 'Kilomètres imputés à la visite (aller-retour depuis la ville de rattachement, partagé entre les visites d''une tournée au-delà de 150 km), en km ; 0 si ce n''est pas une visite.';
COMMENT ON COLUMN contacts.resultat IS 'Issue : commande, rendez-vous obtenu, à relancer, sans suite.';

COMMENT ON TABLE campagnes IS 'Campagnes de communication avec leurs indicateurs média et leurs retombées.';
COMMENT ON COLUMN campagnes.id_campagne IS 'Identifiant de la campagne (clé primaire).';
COMMENT ON COLUMN campagnes.nom IS 'Nom de la campagne.';
COMMENT ON COLUMN campagnes.media IS 'Média utilisé.';
COMMENT ON COLUMN campagnes.cible IS 'Description de la cible visée.';
COMMENT ON COLUMN campagnes.date_debut IS 'Premier jour de la campagne.';
COMMENT ON COLUMN campagnes.date_fin IS 'Dernier jour de la campagne.';
COMMENT ON COLUMN campagnes.cout_ht IS 'Coût total de la campagne, en euros HT.';
COMMENT ON COLUMN campagnes.population_cible IS 'Nombre de personnes de la cible, en personnes.';
COMMENT ON COLUMN campagnes.audience_utile IS 'Personnes de la cible touchées au moins une fois, en personnes.';
COMMENT ON COLUMN campagnes.contacts_utiles IS 'Nombre total d''expositions de la cible (audience utile × répétition moyenne), en contacts.';
COMMENT ON COLUMN campagnes.nb_retours IS 'Nombre de retours (demandes, clics, coupons, visites de stand).';
COMMENT ON COLUMN campagnes.nb_commandes IS 'Nombre de commandes attribuées à la campagne.';
COMMENT ON COLUMN campagnes.ca_genere_ht IS 'Chiffre d''affaires attribué à la campagne, en euros HT.';

COMMENT ON TABLE reclamations IS 'Réclamations des clients : motif, canal, traitement et geste commercial.';
COMMENT ON COLUMN reclamations.id_reclamation IS 'Identifiant de la réclamation (clé primaire).';
COMMENT ON COLUMN reclamations.id_client IS 'Client qui réclame (clé étrangère vers clients).';
COMMENT ON COLUMN reclamations.id_commande IS 'Commande concernée (clé étrangère vers commandes) ; NULL si la réclamation ne porte pas sur une commande.';
COMMENT ON COLUMN reclamations.date_reclamation IS 'Date de réception de la réclamation.';
COMMENT ON COLUMN reclamations.motif IS 'Motif : retard de livraison, produit défectueux, erreur de commande, facturation, qualité, service client.';
COMMENT ON COLUMN reclamations.canal IS 'Canal de réception : courriel, téléphone, courrier, formulaire web, visite commercial.';
COMMENT ON COLUMN reclamations.date_cloture IS 'Date de clôture ; NULL si la réclamation n''est pas close. Délai de traitement = date_cloture − date_reclamation, en jours.';
COMMENT ON COLUMN reclamations.statut IS 'ouverte (pas encore prise en charge), en cours ou clôturée.';
COMMENT ON COLUMN reclamations.geste_commercial_ht IS 'Avoir ou remise accordé en compensation, en euros HT (0 si aucun).';

COMMENT ON TABLE enquetes_satisfaction IS 'Réponses aux enquêtes de satisfaction : vague annuelle de mars auprès des professionnels, enquête après achat pour les particuliers.';
COMMENT ON COLUMN enquetes_satisfaction.id_enquete IS 'Identifiant de la réponse (clé primaire).';
COMMENT ON COLUMN enquetes_satisfaction.id_client IS 'Client répondant (clé étrangère vers clients).';
COMMENT ON COLUMN enquetes_satisfaction.date_enquete IS 'Date de la réponse.';
COMMENT ON COLUMN enquetes_satisfaction.note_recommandation IS 'Probabilité de recommander l''entreprise, note de 0 à 10 (base du NPS : 9-10 promoteurs, 0-6 détracteurs).';
COMMENT ON COLUMN enquetes_satisfaction.note_satisfaction IS 'Satisfaction globale, note de 1 (très insatisfait) à 5 (très satisfait).';
COMMENT ON COLUMN enquetes_satisfaction.commentaire IS 'Commentaire libre du client ; NULL s''il n''en a pas laissé.';

COMMENT ON TABLE stocks IS 'Mouvements mensuels de stock par famille, valorisés au coût de revient ; stock_fin = stock_debut + entrees − sorties.';
COMMENT ON COLUMN stocks.mois IS 'Mois concerné (premier jour du mois).';
COMMENT ON COLUMN stocks.famille IS 'Famille de produits.';
COMMENT ON COLUMN stocks.stock_debut IS 'Stock au début du mois, en euros (coût de revient).';
COMMENT ON COLUMN stocks.entrees IS 'Entrées du mois (production et achats), en euros (coût de revient).';
COMMENT ON COLUMN stocks.sorties IS 'Sorties du mois (coût des produits livrés), en euros (coût de revient).';
COMMENT ON COLUMN stocks.stock_fin IS 'Stock à la fin du mois, en euros (coût de revient).';

COMMENT ON TABLE import_salon IS 'Liste brute des contacts du salon Maison&Objet de septembre 2026, telle que transmise par l''organisateur : volontairement sale (doublons, formats incohérents, champs manquants), à nettoyer.';
COMMENT ON COLUMN import_salon.id_ligne IS 'Numéro de ligne du fichier reçu (texte, unique).';
COMMENT ON COLUMN import_salon.raison_sociale IS 'Nom de l''entreprise tel que saisi sur le stand.';
COMMENT ON COLUMN import_salon.contact_nom IS 'Nom du visiteur.';
COMMENT ON COLUMN import_salon.contact_prenom IS 'Prénom du visiteur.';
COMMENT ON COLUMN import_salon.email IS 'Adresse électronique saisie (parfois mal formée ou absente).';
COMMENT ON COLUMN import_salon.telephone IS 'Téléphone saisi, dans des formats variés.';
COMMENT ON COLUMN import_salon.code_postal IS 'Code postal saisi (zéro initial parfois perdu, espaces).';
COMMENT ON COLUMN import_salon.ville IS 'Ville saisie (casse et graphies variables).';
COMMENT ON COLUMN import_salon.secteur IS 'Secteur déclaré, en texte libre (libellés non normalisés).';
COMMENT ON COLUMN import_salon.commentaire IS 'Note prise par le commercial sur le stand.';
